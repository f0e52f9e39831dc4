/**
 * The PDF writer: checks every character against the font, subsets the
 * fonts, lays the list out and draws it, with metadata (title, subject,
 * author, creator, /Lang zh-CN) and one bookmark per section.
 *
 * pdf-lib holds the document; the page contents are written here as
 * content-stream text (rectangles and text runs, a few operators each,
 * where pdf-lib's drawing API builds a dozen operator objects per
 * rectangle), and the fonts' objects by `embed.ts`. Text is shaped once per
 * drawn piece (its glyph ids and its advance come from the same run);
 * widths the layout asks for are kept for the process, since a width
 * depends on the face and the text only, not on which subset of the face is
 * at hand. Streams (the font subsets, each once, and the page contents) are
 * compressed with Node's zlib rather than pdf-lib's JavaScript deflate.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, type PDFRef } from 'pdf-lib';
import { embedFace } from './embed.ts';
import { faceMetrics, FLATE, FONT_NAME, missingCharacters, substitutedCharacters, subsetFace, subsetFonts, type ShapingFace, type Substituted, type SubsetFace, type Weight } from './fonts.ts';
import type { ChecklistTemplate } from '../templates/schema.ts';
import { templateText } from './geometry.ts';
import { fillTitle, FIXED_TEXT, layoutTaskList, type Layout, type RectOp, type TextOp } from './layout.ts';
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
  let faces: Record<Weight, SubsetFace>;
  try {
    faces = { regular: subsetFace(files.regular), bold: subsetFace(files.bold) };
  } catch (cause) {
    throw new Error(`无法嵌入字体（${FONT_NAME}）`, { cause });
  }

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const { context } = pdf;
  // Streams are compressed with Node's zlib (pdf-lib would deflate them in JavaScript, several times slower).
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents, FLATE), { ...dict, Filter: 'FlateDecode' });
  // The fonts' objects are written last, when every glyph they show has been drawn (for their ToUnicode).
  const fontRefs: Record<Weight, PDFRef> = { regular: context.nextRef(), bold: context.nextRef() };
  // Glyphs outside the cmap that the layout drew (ligatures such as ——), with the text each stands for.
  const drawn: Record<Weight, Map<number, string>> = { regular: new Map(), bold: new Map() };
  const measure = (text: string, isBold: boolean) => {
    const weight = isBold ? 'bold' : 'regular';
    let w = widths[weight].get(text);
    if (w === undefined) {
      // Bounded: the texts of a thousand plans would otherwise all stay in every worker.
      if (widths[weight].size >= KEPT_WIDTHS) widths[weight].clear();
      widths[weight].set(text, (w = shape(faces[weight], text, substituted, faces[weight].metrics.advances).width));
    }
    return w;
  };

  const layout = layoutTaskList(doc, template, measure, footer);
  const PAGE = layout.geometry.page;
  for (const ops of layout.pages.map((p) => p.ops)) {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    const keys: Record<Weight, string> = {
      regular: page.node.newFontDictionary(FONT_NAMES.regular, fontRefs.regular).asString(),
      bold: page.node.newFontDictionary(FONT_NAMES.bold, fontRefs.bold).asString(),
    };
    let content = '';
    for (const op of ops) {
      if (op.kind === 'rect') content += drawRect(op, PAGE.height);
      else content += drawText(op, PAGE.height, keys, (weight, text) => shape(faces[weight], text, substituted, faces[weight].metrics.advances, drawn[weight]), measure);
    }
    page.node.addContentStream(context.register(context.flateStream(content)));
  }
  for (const weight of ['regular', 'bold'] as const) {
    const face = faces[weight];
    embedFace(context, fontRefs[weight], {
      name: FONT_NAMES[weight],
      bytes: face.bytes,
      deflated: face.deflated,
      subset: face.metrics,
      metrics: await faceMetrics(weight),
      text: new Map([...cmapText(face), ...drawn[weight]]),
    });
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
  return { bytes: await pdf.save(), layout };
}

const FONT_NAMES: Record<Weight, string> = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' };

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
 * the layout. Advances come from `advances` (the face's `hmtx`, by glyph
 * id) when given, else from fontkit. Glyphs the layout gives that the cmap
 * has no character for are added to `drawn`, with the text they stand for.
 */
export function shape(face: ShapingFace, text: string, substituted: Substituted | null, advances?: Uint16Array, drawn?: Map<number, string>): { hex: string; width: number } {
  const scale = 1000 / face.unitsPerEm;
  let total = 0;
  let hex = '';
  if (substituted && !NEEDS_LAYOUT.test(text)) {
    let glyphs = direct.get(face);
    if (!glyphs) direct.set(face, (glyphs = new Map()));
    let plain = true;
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      if (substituted.has(cp)) {
        plain = false;
        break;
      }
      let glyph = glyphs.get(cp);
      if (!glyph) {
        const id = face.glyph(cp);
        glyphs.set(cp, (glyph = { hex: id.toString(16).padStart(4, '0'), advance: advances ? advances[id]! : face.font.getGlyph(id).advanceWidth }));
      }
      total += glyph.advance * scale;
      hex += glyph.hex;
    }
    if (plain) return { hex, width: total * (1 / 1000) };
    total = 0;
    hex = '';
  }
  const mapped = drawn ? cmapText(face) : undefined;
  for (const glyph of face.font.layout(text).glyphs) {
    total += (advances ? advances[glyph.id]! : glyph.advanceWidth) * scale;
    hex += glyph.id.toString(16).padStart(4, '0');
    if (drawn && !mapped!.has(glyph.id) && glyph.codePoints.length > 0) drawn.set(glyph.id, String.fromCodePoint(...glyph.codePoints));
  }
  return { hex, width: total * (1 / 1000) }; // as widthOfTextAtSize(text, 1): same float, same line breaks
}

/** What only the layout shapes right: letters of scripts other than Han (Latin ligatures, Hangul…), marks, joiners, variation selectors. */
const NEEDS_LAYOUT = /(?!\p{Script=Han})\p{L}|[\p{M}\u200C\u200D\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
/** Per face: code point → glyph id (hex) and advance, for text shaped without the layout. */
const direct = new WeakMap<ShapingFace, Map<number, { hex: string; advance: number }>>();
const cmapTexts = new WeakMap<ShapingFace, Map<number, string>>();

/**
 * Per subset: glyph id → the character its cmap maps to it, for the
 * ToUnicode CMap. Where two characters share a glyph (一 and the radical ⼀),
 * a CJK unified ideograph wins, then the lowest code point.
 */
function cmapText(face: ShapingFace): Map<number, string> {
  let map = cmapTexts.get(face);
  if (!map) {
    map = new Map();
    const chars = [...face.characters()].sort((a, b) => a[0] - b[0]).map(([cp, id]) => ({ char: String.fromCodePoint(cp), id }));
    for (const { char, id } of [...chars.filter((c) => UNIFIED.test(c.char)), ...chars.filter((c) => !UNIFIED.test(c.char))]) {
      if (id !== 0 && !map.has(id)) map.set(id, char);
    }
    cmapTexts.set(face, map);
  }
  return map;
}

const UNIFIED = /\p{Unified_Ideograph}/u;

/** A number as content streams write it: as JavaScript prints it (as pdf-lib wrote them), never with an exponent. */
function num(n: number): string {
  return Math.abs(n) < 1e-6 ? '0' : String(n);
}

/** A filled and/or stroked rectangle (black stroke; grey `fill`), in its own graphics state. */
function drawRect(op: RectOp, height: number): string {
  const fill = op.fill !== undefined ? `${num(op.fill)} g ` : '';
  const stroke = op.stroke ? `0 G ${num(op.stroke)} w ` : '';
  const paint = op.fill !== undefined ? (op.stroke ? 'B' : 'f') : op.stroke ? 'S' : 'f';
  return `q ${fill}${stroke}${num(op.x)} ${num(height - op.top - op.height)} ${num(op.width)} ${num(op.height)} re ${paint} Q\n`;
}

function drawText(op: TextOp, height: number, keys: Record<Weight, string>, shaped: (weight: Weight, text: string) => { hex: string; width: number }, measure: (t: string, b: boolean) => number): string {
  const total = op.runs.reduce((sum, r) => sum + measure(r.text, r.bold) * op.size, 0);
  let x = op.align === 'center' && op.width ? op.x + (op.width - total) / 2 : op.x;
  const y = num(height - op.baseline);
  let out = 'q BT 0 0 0 rg\n';
  for (const run of op.runs) {
    const weight = run.bold ? 'bold' : 'regular';
    // Letters are shaped apart from what follows: shaped as one Latin run, the digits after them
    // (AQ8011-2023) get glyphs whose drawn advance differs from the measured one and spill out of the cell.
    for (const part of run.text.match(/[A-Za-z]+|[^A-Za-z]+/g) ?? []) {
      const { hex, width } = shaped(weight, part);
      out += `${keys[weight]} ${num(op.size)} Tf 1 0 0 1 ${num(x)} ${y} Tm <${hex}> Tj\n`;
      x += width * op.size;
    }
  }
  return out + 'ET Q\n';
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
