/** The pdf.js worker module, loaded on the main thread in Node (see pdf.ts); it has no type declarations. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
