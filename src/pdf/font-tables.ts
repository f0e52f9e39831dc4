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
