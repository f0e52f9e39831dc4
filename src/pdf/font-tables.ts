/**
 * What the PDF's font objects need from a face and from a subset of it,
 * read from the font's own tables: the descriptor's metrics (once per face,
 * through fontkit), and every glyph's advance and the glyphs' bounding box
 * (per subset, straight from `hmtx`, `hhea`, `maxp` and `head`).
 */
import type { Font } from '@pdf-lib/fontkit';

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
  unitsPerEm: number;
}

/** A TrueType font's table directory: the offset of each table, or an error naming a missing one. */
function tableDirectory(bytes: Uint8Array): { view: DataView; table(tag: string): number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!), view.getUint32(at + 8));
  }
  return {
    view,
    table(tag) {
      const offset = tables.get(tag);
      if (offset === undefined) throw new Error(`字体缺少 ${tag} 表`);
      return offset;
    },
  };
}

/** Reads `hmtx` (with `hhea` and `maxp`) and `head` of a TrueType font. */
export function subsetMetrics(bytes: Uint8Array): SubsetMetrics {
  const { view, table } = tableDirectory(bytes);
  const glyphs = view.getUint16(table('maxp') + 4);
  const metrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advances = new Uint16Array(glyphs);
  for (let id = 0; id < glyphs; id++) advances[id] = view.getUint16(hmtx + 4 * Math.min(id, metrics - 1));
  const head = table('head');
  const bbox: SubsetMetrics['bbox'] = [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)];
  return { advances, bbox, unitsPerEm: view.getUint16(head + 18) };
}

/** The Unicode cmap subtables in the order fontkit chooses among them (platform, encoding). */
const UNICODE_CMAPS: ReadonlyArray<readonly [number, number]> = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]];

/**
 * Code point → glyph id, from the Unicode subtable of `cmap` that fontkit
 * would use (format 4 or 12, what harfbuzz writes into a subset), glyph 0
 * left out. Null for any other format: the caller asks fontkit then.
 */
export function cmapGlyphs(bytes: Uint8Array): Map<number, number> | null {
  const { view, table } = tableDirectory(bytes);
  const cmap = table('cmap');
  const subtables = new Map<string, number>();
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    subtables.set(`${view.getUint16(at)},${view.getUint16(at + 2)}`, cmap + view.getUint32(at + 4));
  }
  const chosen = UNICODE_CMAPS.map(([platform, encoding]) => subtables.get(`${platform},${encoding}`)).find((at) => at !== undefined);
  if (chosen === undefined) return null;
  const glyphs = new Map<number, number>();
  const format = view.getUint16(chosen);
  if (format === 4) {
    const segX2 = view.getUint16(chosen + 6);
    const ends = chosen + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    for (let i = 0; i < segX2; i += 2) {
      const start = view.getUint16(starts + i);
      const end = view.getUint16(ends + i);
      const delta = view.getUint16(deltas + i);
      const range = view.getUint16(ranges + i);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        let glyph = range === 0 ? code : view.getUint16(ranges + i + range + 2 * (code - start));
        if (range === 0 || glyph !== 0) glyph = (glyph + delta) & 0xffff;
        if (glyph !== 0) glyphs.set(code, glyph);
      }
    }
  } else if (format === 12) {
    for (let i = 0, at = chosen + 16; i < view.getUint32(chosen + 12); i++, at += 12) {
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const first = view.getUint32(at + 8);
      for (let code = start; code <= end; code++) if (first + code - start !== 0) glyphs.set(code, first + code - start);
    }
  } else return null;
  return glyphs;
}
