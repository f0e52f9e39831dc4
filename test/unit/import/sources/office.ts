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
  AlignmentType, Document, Footer, Header, LevelFormat, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow,
  Textbox, TextRun, WidthType, type ILevelsOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Cell = string | { text: string; rowSpan?: number; columnSpan?: number };

export type Block =
  | {
      text: string;
      center?: boolean;
      bold?: boolean;
      lead?: string;
      list?: { ref: string; level?: number };
      /** Cover lines: the red issuer line (方正小标宋, red, 26 pt), titles in 22 pt (二号). */
      style?: 'red-head' | 'title';
      /** Starts a new page (the plan after its covering notice, an annex). */
      pageBreak?: boolean;
      /** Right-aligned: the signature and date under a notice. */
      right?: boolean;
      /** Set in a text box (VML, as Word's compatibility mode and WPS write it): a cover line in a frame. */
      box?: boolean;
    }
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
   * `one-and-half`: 16 pt with first-line indents and Word's 1.5 line spacing.
   */
  layout?: 'official' | 'plain' | 'one-and-half';
  /**
   * word/numbering.xml as Word writes it, in place of the docx package's:
   * list `ref` n of `lists` is `w:numId` n + 2 (numId 1 is the package's bullet list).
   */
  numberingXml?: string;
  /** Blocks from this index on are a new section on landscape A4 (an annex table too wide for portrait). */
  landscapeFrom?: number;
}

const BODY = { font: '仿宋_GB2312', size: 32 }; // 16 pt (三号)
const TWIPS_PER_MM = 56.7;

export async function makeDocx(blocks: Block[], options: DocOptions = {}): Promise<Uint8Array> {
  const plain = options.layout === 'plain';
  const spacing = plain ? { line: 276, after: 160 } : options.layout === 'one-and-half' ? { line: 360 } : { line: 578, lineRule: 'exact' as never };
  const children = blocks.map((block) =>
    'rows' in block
      ? table(block.rows)
      : block.box
        ? new Textbox({ style: { width: '150mm', height: '25mm' }, children: [paragraph(block, plain, spacing)] })
        : paragraph(block, plain, spacing),
  );
  const doc = new Document({
    styles: { default: { document: { run: plain ? { font: '宋体', size: 24 } : BODY } } },
    numbering: {
      config: (options.lists ?? []).map((list) => ({
        reference: list.ref,
        levels: list.levels.map((l, level): ILevelsOptions => ({ level, format: l.format, text: l.text, start: l.start ?? 1, alignment: AlignmentType.LEFT, suffix: 'nothing' as never })),
      })),
    },
    sections: [children.slice(0, options.landscapeFrom), children.slice(options.landscapeFrom ?? children.length)]
      .filter((part, i) => i === 0 || part.length > 0)
      .map((part, i) => ({
        properties: {
          page: {
            size: { width: Math.round(210 * TWIPS_PER_MM), height: Math.round(297 * TWIPS_PER_MM), ...(i > 0 ? { orientation: PageOrientation.LANDSCAPE } : {}) },
            margin: { top: Math.round(37 * TWIPS_PER_MM), bottom: Math.round(35 * TWIPS_PER_MM), left: Math.round(28 * TWIPS_PER_MM), right: Math.round(26 * TWIPS_PER_MM), header: 850, footer: 1000 },
          },
        },
        headers: options.header ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: options.header, size: 21 })] })] }) } : undefined,
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })],
          }),
        },
        children: part,
      })),
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return options.numberingXml ? patchParts(bytes, { 'word/numbering.xml': () => options.numberingXml! }) : bytes;
}

/** Rewrites parts of a Word file's zip (the XML text of each named part). */
export function patchParts(docx: Uint8Array, patches: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(docx);
  for (const [name, patch] of Object.entries(patches)) files[name] = strToU8(patch(files[name] ? strFromU8(files[name]) : ''));
  return zipSync(files);
}

const STYLES = {
  'red-head': { font: '方正小标宋简体', size: 52, color: 'FF0000' },
  title: { font: '方正小标宋简体', size: 44 },
} as const;

function paragraph(block: Extract<Block, { text: string }>, plain: boolean, spacing: object): Paragraph {
  const look = block.style ? STYLES[block.style] : {};
  const runs = block.lead
    ? [new TextRun({ text: block.lead, bold: true }), new TextRun(block.text)]
    : [new TextRun({ text: block.text, bold: block.bold, ...look })];
  const centred = block.center || block.style !== undefined;
  return new Paragraph({
    alignment: block.right ? AlignmentType.RIGHT : centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    pageBreakBefore: block.pageBreak,
    indent: centred || block.right || plain ? undefined : { firstLine: 640 },
    spacing,
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
              // A line break in the text is a paragraph of its own in the cell, as offices list one unit per line.
              children: spec.text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 24 })] })),
            });
          }),
        }),
    ),
  });
}

const WPS_NS = 'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData"';

/**
 * The same Word file as WPS Office saves it: fonts named for East Asian text
 * only (`<w:rFonts w:hint="eastAsia" w:eastAsia="…"/>`), the `wpsCustomData`
 * namespace, runs split in two, `_GoBack` bookmarks and proofing marks between
 * runs, numeric style ids, and the first list's top level carried by a
 * paragraph style (`<w:pStyle w:val="3"/>`) instead of the paragraph itself.
 */
export function asWps(docx: Uint8Array): Uint8Array {
  const namespaced = (xml: string) => xml.replace(/mc:Ignorable="([^"]*)"/, `mc:Ignorable="$1 wpsCustomData"`).replace(/(<w:(?:document|styles|numbering) )/, `$1${WPS_NS} `);
  const fonts = (xml: string) =>
    xml.replace(/<w:rFonts [^>]*?\/>/g, (tag) => {
      const eastAsia = /w:eastAsia="([^"]*)"/.exec(tag)?.[1];
      return eastAsia ? `<w:rFonts w:hint="eastAsia" w:eastAsia="${eastAsia}"/>` : '<w:rFonts w:hint="eastAsia"/>';
    });
  const styleIds = (xml: string) => xml.replace(/w:(styleId|val)="(Normal|ListParagraph)"/g, (_, a: string, id: string) => `w:${a}="${id === 'Normal' ? 1 : 2}"`);
  const runs = (xml: string) =>
    xml.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]{6,})<\/w:t><\/w:r>/g, (_, props = '', text: string) => {
      const cut = Math.floor([...text].length / 2);
      const [head, tail] = [[...text].slice(0, cut).join(''), [...text].slice(cut).join('')];
      return `<w:r>${props}<w:t>${head}</w:t></w:r><w:proofErr w:type="gramStart"/><w:r>${props}<w:t xml:space="preserve">${tail}</w:t></w:r><w:proofErr w:type="gramEnd"/>`;
    });
  const listStyle = (xml: string) => xml.replace(/<w:pStyle w:val="2"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="2"\/><\/w:numPr>/g, '<w:pStyle w:val="3"/>');
  const bookmark = (xml: string) => xml.replace('<w:body><w:p>', '<w:body><w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>');
  const heading = '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 2"/><w:basedOn w:val="2"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>';
  return patchParts(docx, {
    'word/document.xml': (xml) => bookmark(listStyle(runs(styleIds(fonts(namespaced(xml)))))),
    'word/styles.xml': (xml) => styleIds(fonts(namespaced(xml))).replace('</w:styles>', `${heading}</w:styles>`),
    'word/numbering.xml': (xml) => fonts(namespaced(xml)),
    'docProps/custom.xml': () =>
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>',
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
