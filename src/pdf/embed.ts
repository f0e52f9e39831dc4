/**
 * A TrueType subset as the PDF objects of a composite font (ISO 32000-1
 * §9.7): a Type0 font over one CIDFontType2 (Identity-H, CIDs are glyph
 * ids), its /W widths read straight from the subset's `hmtx`, its font
 * descriptor from the whole face's metrics, the subset as /FontFile2, and a
 * /ToUnicode CMap from the glyphs the document drew to the text they stand
 * for (so copying and `pdftotext` give the characters back).
 *
 * pdf-lib's own embedder asks fontkit for every glyph's metrics and code
 * points, decoding each glyph's outline for it; the widths are in `hmtx`
 * already, and which text each drawn glyph stands for is known to the one
 * who drew it.
 */
import type { Font } from '@pdf-lib/fontkit';
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';

/** What the font descriptor says of a face: the same for every subset of it (the bounding box is the subset's). */
export interface FaceMetrics {
  unitsPerEm: number;
  flags: number;
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
}

/** The descriptor's values, from fontkit's parse of the whole face (flags as pdf-lib derives them). */
export function faceMetrics(font: Font): FaceMetrics {
  const tables = font as Font & { 'OS/2'?: { sFamilyClass: number }; head: { macStyle: { italic?: boolean } } };
  const familyClass = tables['OS/2']?.sFamilyClass ?? 0;
  let flags = 1 << 2; // symbolic: the glyphs are outside the standard Latin set
  if (tables.post.isFixedPitch) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (tables.head.macStyle.italic) flags |= 1 << 6;
  return {
    unitsPerEm: font.unitsPerEm,
    flags,
    italicAngle: font.italicAngle,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: font.capHeight || font.ascent,
    xHeight: font.xHeight || 0,
  };
}

/** What the PDF needs of a TrueType subset: every glyph's advance (font units) and the glyphs' bounding box (`head`). */
export interface SubsetMetrics {
  advances: Uint16Array;
  bbox: [number, number, number, number];
}

/** Reads `hmtx` (with `hhea` and `maxp`) and `head` of a TrueType font. */
export function subsetMetrics(bytes: Uint8Array): SubsetMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!), view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`字体缺少 ${tag} 表`);
    return offset;
  };
  const glyphs = view.getUint16(table('maxp') + 4);
  const metrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advances = new Uint16Array(glyphs);
  for (let id = 0; id < glyphs; id++) advances[id] = view.getUint16(hmtx + 4 * Math.min(id, metrics - 1));
  const head = table('head');
  const bbox: SubsetMetrics['bbox'] = [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)];
  return { advances, bbox };
}

export interface EmbeddedFace {
  /** Base font name (the same for every subset: a build's lists are compared by name, not by subset tag). */
  name: string;
  /** The subset's TrueType bytes, and the same deflated. */
  bytes: Uint8Array;
  deflated: Uint8Array;
  subset: SubsetMetrics;
  metrics: FaceMetrics;
  /** Glyph id → the text it stands for, for every glyph drawn. */
  text: ReadonlyMap<number, string>;
}

/** Writes the font's objects under `ref` (a reference the pages already name). */
export function embedFace(context: PDFContext, ref: PDFRef, face: EmbeddedFace): void {
  const { metrics } = face;
  const scale = 1000 / metrics.unitsPerEm;
  const file = context.stream(face.deflated, { Filter: 'FlateDecode', Length1: face.bytes.length });
  const descriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: face.name,
    Flags: metrics.flags,
    FontBBox: face.subset.bbox.map((v) => v * scale),
    ItalicAngle: metrics.italicAngle,
    Ascent: metrics.ascent * scale,
    Descent: metrics.descent * scale,
    CapHeight: metrics.capHeight * scale,
    XHeight: metrics.xHeight * scale,
    StemV: 0,
    FontFile2: context.register(file),
  });
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    CIDToGIDMap: 'Identity',
    BaseFont: face.name,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: context.register(descriptor),
    // Every glyph of the subset, in one run from glyph 0.
    W: [0, Array.from(face.subset.advances, (a) => a * scale)],
  });
  const toUnicode = context.flateStream(unicodeCMap(face.text));
  context.assign(
    ref,
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: face.name,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(toUnicode),
    }),
  );
}

/** A ToUnicode CMap (Adobe technical note #5411) for two-byte glyph ids, at most 100 mappings per block. */
export function unicodeCMap(text: ReadonlyMap<number, string>): string {
  const entries = [...text].sort((a, b) => a[0] - b[0]).map(([id, chars]) => `<${hex4(id)}> <${utf16Hex(chars)}>`);
  const blocks: string[] = [];
  for (let at = 0; at < entries.length; at += 100) {
    const block = entries.slice(at, at + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** UTF-16BE in hex: what a bfchar destination holds. */
function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}
