declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    noHinting?: boolean;
    noLayoutClosure?: boolean;
  }
  export default function subsetFont(buffer: Uint8Array, text: string, options?: SubsetOptions): Promise<Uint8Array>;
}
