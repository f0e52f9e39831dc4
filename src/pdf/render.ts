/**
 * The pdf-lib adapter: checks every character against the font, subsets the
 * fonts, lays the list out and draws it, with metadata (title, subject,
 * author, creator, /Lang zh-CN) and one bookmark per section.
 *
 * Text is shaped by fontkit once per drawn piece (its glyph ids and its
 * advance come from the same run); widths the layout asks for are kept for
 * the process, since a width depends on the face and the text only, not on
 * which subset of the face is at hand. Streams (the font subsets, each once,
 * and the page contents) are compressed with Node's zlib rather than
 * pdf-lib's JavaScript deflate.
 */
import { deflateSync } from 'node:zlib';
import type { Font } from '@pdf-lib/fontkit';
import {
  beginText,
  endText,
  PDFContentStream,
  PDFDocument,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFFont,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';
import { deflateFont, FONT_NAME, missingCharacters, parsedFont, sharedFontkit, substitutedCharacters, subsetFonts, type Substituted, type Weight } from './fonts.ts';
import type { ChecklistTemplate } from '../templates/schema.ts';
import { templateText } from './geometry.ts';
import { fillTitle, FIXED_TEXT, layoutTaskList, type Layout, type TextOp } from './layout.ts';
import { addOutline } from './outline.ts';
import type { TaskListDoc } from './types.ts';

export interface RenderOptions {
  /** Printed in the footer and stored as the creation date: YYYY-MM-DD. */
  buildDate: string;
}

export interface Rendered {
  bytes: Uint8Array;
  layout: Layout;
}

export async function renderTaskList(doc: TaskListDoc, template: ChecklistTemplate, options: RenderOptions): Promise<Rendered> {
  const footer = (page: number, total: number) => `第 ${page} 页 / 共 ${total} 页　·　生成日期：${options.buildDate}`;
  const printed = fillTitle(template.title, doc.fields) + templateText(template);
  const { regular, bold } = await checkCoverage(doc, footer(0, 0) + printed);
  const files = await subsetFonts(regular, bold);
  const substituted = await substitutedCharacters();

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(sharedFontkit);
  const { context } = pdf;
  context.flateStream = (contents, dict = {}) => {
    const font = contents === files.regular || contents === files.bold;
    const bytes = font ? deflateFont(contents) : deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents);
    return context.stream(bytes, { ...dict, Filter: 'FlateDecode' });
  };
  let fonts: Record<Weight, PDFFont>;
  try {
    fonts = {
      regular: await pdf.embedFont(files.regular, { subset: false, customName: 'NotoSansSC-Regular' }),
      bold: await pdf.embedFont(files.bold, { subset: false, customName: 'NotoSansSC-Bold' }),
    };
  } catch (cause) {
    throw new Error(`无法嵌入字体（${FONT_NAME}）`, { cause });
  }
  const faces: Record<Weight, Font> = { regular: parsedFont(files.regular), bold: parsedFont(files.bold) };
  const measure = (text: string, isBold: boolean) => {
    const weight = isBold ? 'bold' : 'regular';
    let w = widths[weight].get(text);
    if (w === undefined) {
      // Bounded: the texts of a thousand plans would otherwise all stay in every worker.
      if (widths[weight].size >= KEPT_WIDTHS) widths[weight].clear();
      widths[weight].set(text, (w = shape(faces[weight], text, substituted).width));
    }
    return w;
  };

  const layout = layoutTaskList(doc, template, measure, footer);
  const PAGE = layout.geometry.page;
  for (const ops of layout.pages.map((p) => p.ops)) {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    const keys: Record<Weight, PDFName> = {
      regular: page.node.newFontDictionary(fonts.regular.name, fonts.regular.ref),
      bold: page.node.newFontDictionary(fonts.bold.name, fonts.bold.ref),
    };
    for (const op of ops) {
      if (op.kind === 'rect') {
        page.drawRectangle({
          x: op.x,
          y: PAGE.height - op.top - op.height,
          width: op.width,
          height: op.height,
          ...(op.fill !== undefined ? { color: rgb(op.fill, op.fill, op.fill) } : {}),
          ...(op.stroke ? { borderWidth: op.stroke, borderColor: rgb(0, 0, 0) } : {}),
        });
      } else drawText(page, PAGE.height, op, keys, (weight, text) => shape(faces[weight], text, substituted), measure);
    }
  }

  const date = new Date(`${options.buildDate}T00:00:00Z`);
  pdf.setTitle(layout.heading, { showInWindowTitleBar: true });
  pdf.setSubject(doc.subject);
  pdf.setAuthor(doc.author);
  pdf.setKeywords(doc.keywords);
  pdf.setCreator('planbook');
  pdf.setProducer('planbook (pdf-lib)');
  pdf.setLanguage('zh-CN');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  addOutline(
    pdf,
    layout.outline.map((o) => ({ title: o.title, page: o.page, y: PAGE.height - o.top })),
  );
  // Page contents too are compressed with zlib (pdf-lib would deflate them in JavaScript, several times slower).
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFContentStream && object.dict.keys().every((k) => STREAM_KEYS.has(k.asString()))) {
      context.assign(ref, context.flateStream(object.getUnencodedContents()));
    }
  }
  return { bytes: await pdf.save(), layout };
}

/** The only entries of a page's content stream, both written anew. */
const STREAM_KEYS = new Set(['/Filter', '/Length']);

/** Widths at 1pt of the texts the layout measured, by face, for the process. */
const widths: Record<Weight, Map<string, number>> = { regular: new Map(), bold: new Map() };
const KEPT_WIDTHS = 200_000;

/**
 * Glyph ids (hex, for Tj) and the advance at 1pt, summed as pdf-lib's
 * widthOfTextAtSize does. Text that no substitution of the face can touch
 * (none of the `substituted` characters, no letters of a script but Han, no
 * marks, joiners or variation selectors) is one glyph per character, looked
 * up in the cmap and kept per face: what fontkit's layout gives for it, at a
 * fraction of the cost (checked against the layout in render.test.ts).
 * Anything else, or everything when `substituted` is null, goes through
 * the layout.
 */
export function shape(font: Font, text: string, substituted: Substituted | null): { hex: string; width: number } {
  const scale = 1000 / font.unitsPerEm;
  let total = 0;
  let hex = '';
  if (substituted && !NEEDS_LAYOUT.test(text)) {
    let glyphs = direct.get(font);
    if (!glyphs) direct.set(font, (glyphs = new Map()));
    let plain = true;
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (substituted.has(cp)) {
        plain = false;
        break;
      }
      let glyph = glyphs.get(cp);
      if (!glyph) {
        const g = font.glyphForCodePoint(cp);
        glyphs.set(cp, (glyph = { hex: g.id.toString(16).padStart(4, '0'), advance: g.advanceWidth }));
      }
      total += glyph.advance * scale;
      hex += glyph.hex;
    }
    if (plain) return { hex, width: total * (1 / 1000) };
    total = 0;
    hex = '';
  }
  for (const glyph of font.layout(text).glyphs) {
    total += glyph.advanceWidth * scale;
    hex += glyph.id.toString(16).padStart(4, '0');
  }
  return { hex, width: total * (1 / 1000) }; // as widthOfTextAtSize(text, 1): same float, same line breaks
}

/** What only the layout shapes right: letters of scripts other than Han (Latin ligatures, Hangul…), marks, joiners, variation selectors. */
const NEEDS_LAYOUT = /(?!\p{Script=Han})\p{L}|[\p{M}\u200C\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
/** Per face: code point → glyph id (hex) and advance, for text shaped without the layout. */
const direct = new WeakMap<Font, Map<number, { hex: string; advance: number }>>();

function drawText(page: PDFPage, height: number, op: TextOp, keys: Record<Weight, PDFName>, shaped: (weight: Weight, text: string) => { hex: string; width: number }, measure: (t: string, b: boolean) => number) {
  const total = op.runs.reduce((sum, r) => sum + measure(r.text, r.bold) * op.size, 0);
  let x = op.align === 'center' && op.width ? op.x + (op.width - total) / 2 : op.x;
  const y = height - op.baseline;
  const operators = [pushGraphicsState(), beginText(), setFillingRgbColor(0, 0, 0)];
  for (const run of op.runs) {
    const weight = run.bold ? 'bold' : 'regular';
    // Letters are shaped apart from what follows: shaped as one Latin run, the digits after them
    // (AQ8011-2023) get glyphs whose drawn advance differs from the measured one and spill out of the cell.
    for (const part of run.text.match(/[A-Za-z]+|[^A-Za-z]+/g) ?? []) {
      const { hex, width } = shaped(weight, part);
      operators.push(setFontAndSize(keys[weight], op.size), setTextMatrix(1, 0, 0, 1, x, y), showText(PDFHexString.of(hex)));
      x += width * op.size;
    }
  }
  operators.push(endText(), popGraphicsState());
  page.pushOperators(...operators);
}

/** Fails the build, naming the plan, task and character, when the font lacks a glyph. */
async function checkCoverage(doc: TaskListDoc, fixed: string): Promise<{ regular: string; bold: string }> {
  const fail = (where: string, label: string, char: string, weight: Weight): never => {
    const cp = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const face = weight === 'bold' ? `${FONT_NAME} Bold` : `${FONT_NAME} Regular`;
    throw new Error(
      `${where}: ${label}含有字体 ${face} 不支持的字符“${char}”（U+${cp}），无法生成任务清单 PDF。` +
        `提示：在该文件中把这个字符换成常用写法（或通用字符），再重新构建。`,
    );
  };
  const check = async (text: string, weight: Weight, where: string, label: string) => {
    const [missing] = await missingCharacters(text, weight);
    if (missing) fail(where, label, missing, weight);
  };
  const boldText = [doc.title, doc.covers, FIXED_TEXT, fixed, ...doc.sections.map((s) => s.title)];
  let regular = [doc.title, doc.covers, doc.summary, doc.docNumber ?? '', doc.issuer ?? '', FIXED_TEXT, fixed].join('');
  await check(boldText.join(''), 'bold', `${doc.origin}:1:1`, '标题或行动名称');
  await check(regular, 'regular', `${doc.origin}:1:1`, '标题信息');
  for (const row of doc.sections.flatMap((s) => s.rows)) {
    const where = `${row.source.file}:${row.source.line}:${row.source.column}`;
    const status = row.progress ? row.progress.status : '';
    await check(row.lead + status, 'bold', where, `${row.source.label}的标题`);
    const progress = row.progress ? `截至${row.progress.asOf}${row.progress.note}` : '';
    const text = [row.lead, row.text, row.number, row.deadline, progress, ...row.units, ...Object.values(row.roles).flat()].join('');
    await check(text, 'regular', where, row.source.label);
    boldText.push(row.lead, status);
    regular += text;
  }
  return { regular, bold: boldText.join('') };
}
