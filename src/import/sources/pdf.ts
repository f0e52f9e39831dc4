/**
 * Reads a text PDF with pdf.js (pdfjs-dist, legacy build for Node; no worker
 * thread, no canvas) from glyph positions: text items become lines by their
 * baseline, ruled tables become rows of cells (pdf-tables.ts), and
 * pdf-layout.ts drops running headers and page numbers and re-joins wrapped
 * lines into one paragraph per line.
 *
 * A PDF without a text layer (a scan), with a password, cut short or damaged
 * is a SourceProblem, never a stack trace.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { layout, type Block, type PageLine } from './pdf-layout.ts';
import { pageRules } from './pdf-rules.ts';
import { findTables, type Item } from './pdf-tables.ts';
import { SourceProblem } from './problem.ts';
import { foldRadicals } from './radicals.ts';
import type { SourceText } from './output.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

async function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Runs the parser on this thread ("fake worker"): no worker file to serve.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return lib;
  })();
  return pdfjs;
}

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function readPdf(bytes: Uint8Array): Promise<SourceText> {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new SourceProblem('pdf-truncated');
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: bytes.slice(), // pdf.js takes ownership of the buffer it is given
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (cause) {
    await task.destroy();
    const name = (cause as { name?: string } | null)?.name;
    throw new SourceProblem(name === 'PasswordException' ? 'pdf-encrypted' : 'pdf-damaged', String(cause), { cause });
  }
  try {
    const pages: Block[][] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const blocks = await readPage(page, lib.OPS);
      chars += blocks.reduce((sum, b) => sum + (b.kind === 'line' ? b.line.text.length : b.rows.flat().join('').length), 0);
      pages.push(blocks);
      page.cleanup();
    }
    // A scan may carry a few characters (a stamp, a page number typed on): under 30 a page, it is a scan.
    if (chars < 30 * doc.numPages) throw new SourceProblem('pdf-scanned', `${chars} characters on ${doc.numPages} pages`);
    return layout(pages);
  } catch (cause) {
    if (cause instanceof SourceProblem) throw cause;
    throw new SourceProblem('pdf-damaged', String(cause), { cause });
  } finally {
    await task.destroy();
  }
}

/** One page: tables found from rules, and the lines of text outside them, top to bottom. */
async function readPage(page: PDFPageProxy, ops: PdfJs['OPS']): Promise<Block[]> {
  const content = await page.getTextContent();
  const items: Item[] = [];
  for (const raw of content.items) {
    if (!('str' in raw) || raw.str.trim() === '') continue; // marked-content markers have no text
    const item = raw;
    const [a, b, c, d, x, y] = item.transform as number[];
    if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01) continue; // rotated text: stamps, watermarks
    items.push({ text: foldRadicals(item.str), x: x!, y: y!, width: item.width, size: Math.abs(d!) || Math.abs(a!) || item.height });
  }
  const tables = findTables(await pageRules(page, ops as unknown as Record<string, number>), items);
  const used = new Set(tables.flatMap((t) => [...t.items]));
  const [, , width, height] = page.view as [number, number, number, number];
  const lines = toLines(items.filter((i) => !used.has(i)));
  const blocks: Block[] = [
    ...lines.map((line) => ({ kind: 'line' as const, top: line.y + line.size, line: { ...line, page: page.pageNumber, pageWidth: width, pageHeight: height } })),
    ...tables.map((t) => ({ kind: 'table' as const, top: t.top, rows: t.rows, above: t.above, page: page.pageNumber })),
  ];
  return blocks.sort((p, q) => q.top - p.top);
}

/**
 * Spaces next to a Chinese character or full-width punctuation are layout,
 * not text: justification spreads glyphs and Latin–CJK auto-spacing adds
 * gaps that pdf.js reports as spaces. Only spaces between Latin letters or
 * digits are kept.
 */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '').trim();
}

/** Items sharing a baseline form a line; a gap wider than a third of a character is a space. */
function toLines(items: Item[]): Omit<PageLine, 'page' | 'pageWidth' | 'pageHeight'>[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Item[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - item.y) <= Math.max(group[0]!.size, item.size) * 0.4) group.push(item);
    else groups.push([item]);
  }
  return groups.map((whole) => {
    // A footnote mark set small and raised beside the text (`《…》¹`) is not part of it.
    const top = Math.max(...whole.map((i) => i.size));
    const baseline = Math.min(...whole.filter((i) => i.size === top).map((i) => i.y));
    const group = whole.filter((i) => !(/^[\d\u2460-\u2473*]{1,2}$/u.test(i.text.trim()) && i.size <= top * 0.75 && i.y > baseline + top * 0.15));
    if (group.length === 0) group.push(...whole);
    group.sort((p, q) => p.x - q.x);
    let text = '';
    let end = group[0]!.x;
    for (const item of group) {
      if (text && item.x - end > item.size * 0.33) text += ' ';
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    const size = Math.max(...group.map((i) => i.size));
    return { text: tidy(text), x0: group[0]!.x, x1: end, y: group[0]!.y, size };
  });
}
