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
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import type { FaceMetrics, SubsetMetrics } from './font-tables.ts';

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
