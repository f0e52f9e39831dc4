/**
 * Builds Word files the way offices lay out a plan (A4, 16 pt 仿宋 body with
 * a two-character first-line indent, `— 3 —` page numbers in the footer, a
 * running header, automatic numbering, ruled tables with merged cells) with
 * the `docx` package, and prints them to PDF with LibreOffice, as a user
 * "prints the Word file to PDF".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType, Document, Footer, Header, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow,
  TextRun, WidthType, type ILevelsOptions,
} from 'docx';

export type Cell = string | { text: string; rowSpan?: number; columnSpan?: number };

export type Block =
  | { text: string; center?: boolean; bold?: boolean; lead?: string; list?: { ref: string; level?: number } }
  | { rows: Cell[][] };

export interface ListStyle {
  ref: string;
  levels: { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string; start?: number }[];
}

export interface DocOptions {
  header?: string;
  lists?: ListStyle[];
  /**
   * `official` (default): 16 pt, two-character first-line indent, exact 28.9 pt
   * lines, no space between paragraphs. `plain`: Word's own defaults as many
   * offices leave them, 12 pt, no indent, 1.15 lines and 8 pt after each paragraph.
   */
  layout?: 'official' | 'plain';
}

const BODY = { font: '仿宋_GB2312', size: 32 }; // 16 pt (三号)
const TWIPS_PER_MM = 56.7;

export async function makeDocx(blocks: Block[], options: DocOptions = {}): Promise<Uint8Array> {
  const plain = options.layout === 'plain';
  const children = blocks.map((block) => ('rows' in block ? table(block.rows) : paragraph(block, plain)));
  const doc = new Document({
    styles: { default: { document: { run: plain ? { font: '宋体', size: 24 } : BODY } } },
    numbering: {
      config: (options.lists ?? []).map((list) => ({
        reference: list.ref,
        levels: list.levels.map((l, level): ILevelsOptions => ({ level, format: l.format, text: l.text, start: l.start ?? 1, alignment: AlignmentType.LEFT, suffix: 'nothing' as never })),
      })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * TWIPS_PER_MM), height: Math.round(297 * TWIPS_PER_MM) },
            margin: { top: Math.round(37 * TWIPS_PER_MM), bottom: Math.round(35 * TWIPS_PER_MM), left: Math.round(28 * TWIPS_PER_MM), right: Math.round(26 * TWIPS_PER_MM), header: 850, footer: 1000 },
          },
        },
        headers: options.header ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: options.header, size: 21 })] })] }) } : undefined,
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function paragraph(block: Extract<Block, { text: string }>, plain: boolean): Paragraph {
  const runs = block.lead
    ? [new TextRun({ text: block.lead, bold: true }), new TextRun(block.text)]
    : [new TextRun({ text: block.text, bold: block.bold })];
  return new Paragraph({
    alignment: block.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: block.center || plain ? undefined : { firstLine: 640 },
    spacing: plain ? { line: 276, after: 160 } : { line: 578, lineRule: 'exact' as never },
    numbering: block.list ? { reference: block.list.ref, level: block.list.level ?? 0 } : undefined,
    children: runs,
  });
}

function table(rows: Cell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: cells.map((cell) => {
            const spec = typeof cell === 'string' ? { text: cell } : cell;
            return new TableCell({
              rowSpan: spec.rowSpan,
              columnSpan: spec.columnSpan,
              children: [new Paragraph({ children: [new TextRun({ text: spec.text, size: 24 })] })],
            });
          }),
        }),
    ),
  });
}

/** Prints Word files to PDF with LibreOffice (one process for all); returns the PDFs' bytes in order. */
export function printToPdf(files: Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'planbook-office-'));
  try {
    const names = files.map((bytes, i) => {
      const name = join(dir, `doc${i}.docx`);
      writeFileSync(name, bytes);
      return name;
    });
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names], { stdio: 'pipe', timeout: 180_000 });
    return names.map((name) => new Uint8Array(readFileSync(name.replace(/\.docx$/, '.pdf'))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Prints paragraphs as an A4 page in headless Chromium, the way a plan saved
 * from a web page or an online editor reaches staff. Chromium's PDF text
 * layer names some characters by their radicals (人 as ⼈ U+2F08).
 */
export function printHtmlToPdf(paragraphs: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'planbook-html-'));
  try {
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const html = `<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:30mm 26mm 30mm 28mm}body{font:16pt/1.8 "Noto Serif CJK SC";text-align:justify}p{margin:0;text-indent:2em}</style>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}`;
    writeFileSync(join(dir, 'plan.html'), html);
    execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(dir, 'plan.pdf')}`, join(dir, 'plan.html')], { stdio: 'pipe', timeout: 120_000 });
    return new Uint8Array(readFileSync(join(dir, 'plan.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
