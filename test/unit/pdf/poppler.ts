/** Reads PDFs back with poppler-utils: text, fonts, and page renderings. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(bytes: Uint8Array, fn: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'planbook-pdf-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, bytes);
    return fn(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of every page, optionally only inside a box (points from the top-left). */
export function pdfText(bytes: Uint8Array, box?: { x: number; y: number; width: number; height: number }): string {
  return withFile(bytes, (path) => {
    const crop = box ? ['-x', `${Math.round(box.x)}`, '-y', `${Math.round(box.y)}`, '-W', `${Math.round(box.width)}`, '-H', `${Math.round(box.height)}`] : [];
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...crop, path, '-'], { encoding: 'utf8' });
  });
}

export interface FontRow {
  name: string;
  type: string;
  emb: string;
  uni: string;
}

export function pdfFonts(bytes: Uint8Array): FontRow[] {
  return withFile(bytes, (path) => {
    const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    return lines.map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type… encoding emb sub uni num gen
      return { name: cols[0]!, type: cols.slice(1, -6).join(' '), emb: cols.at(-5)!, uni: cols.at(-3)! };
    });
  });
}

export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Renders every page to 8-bit grey at `dpi` (pdftoppm -pgm). */
export function renderPages(bytes: Uint8Array, dpi: number): Gray[] {
  return withFile(bytes, (path, dir) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), path, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => parsePgm(readFileSync(join(dir, f))));
  });
}

function parsePgm(buf: Buffer): Gray {
  // Header: P5 <ws> width <ws> height <ws> maxval <single ws> data
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]!))) i++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(buf[i]!))) tok += String.fromCharCode(buf[i++]!);
    fields.push(tok);
  }
  i++;
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`unexpected PGM header ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: new Uint8Array(buf.buffer, buf.byteOffset + i, width * height) };
}

/** Dark pixels (< 128) inside a box of a page, in points at `dpi`. */
export function ink(page: Gray, dpi: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const s = dpi / 72;
  let count = 0;
  for (let y = Math.max(0, Math.floor(box.y0 * s)); y < Math.min(page.height, Math.ceil(box.y1 * s)); y++) {
    for (let x = Math.max(0, Math.floor(box.x0 * s)); x < Math.min(page.width, Math.ceil(box.x1 * s)); x++) {
      if (page.pixels[y * page.width + x]! < 128) count++;
    }
  }
  return count;
}
