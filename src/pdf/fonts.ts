/**
 * The font adapter: Noto Sans SC Regular and Bold, checked for coverage and
 * subset with harfbuzz (`harfbuzz.ts`) to the characters a document uses.
 * The subset is embedded whole (`embed.ts`).
 *
 * Everything derived from a subset is made once per character set and kept
 * for the process (a build's PDF worker): the subset, its parse by fontkit,
 * its advance widths and its compressed bytes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflateSync, type ZlibOptions } from 'node:zlib';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { cmapGlyphs, faceMetrics as metricsOf, subsetMetrics, type FaceMetrics, type SubsetMetrics } from './font-tables.ts';
import { subsetter, type Subsetter } from './harfbuzz.ts';

export type Weight = 'regular' | 'bold';

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

const FILES: Record<Weight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

/** The name printed in coverage errors. */
export const FONT_NAME = 'Noto Sans SC';

interface Face {
  bytes: Uint8Array;
  /** fontkit's parse of the whole face (its tables are read when first asked for). */
  font: Font;
  codePoints: Set<number>;
  /** Loaded into harfbuzz on the first subset (a content check needs the code points only). */
  subsetter?: Promise<Subsetter>;
}

let faces: Promise<Record<Weight, Face>> | undefined;
const subsets = new Map<string, Promise<FontFiles>>();
/**
 * Subsets kept, most recently used last. Nearly every list has its own
 * character set, so an unbounded cache would hold every subset of the build
 * (with its fontkit parse) until the end: at a thousand plans, gigabytes.
 */
const KEPT_SUBSETS = 16;

function loadFaces(): Promise<Record<Weight, Face>> {
  faces ??= (async () => {
    const require = createRequire(import.meta.url); // from planbook itself, whatever the working folder
    const load = async (weight: Weight): Promise<Face> => {
      const path = require.resolve(FILES[weight]);
      try {
        const bytes = await readFile(path);
        const font = fontkit.create(bytes);
        return { bytes, font, codePoints: new Set(font.characterSet) };
      } catch (cause) {
        throw new Error(`无法读取字体文件 ${path}`, { cause });
      }
    };
    const [regular, bold] = await Promise.all([load('regular'), load('bold')]);
    return { regular, bold };
  })();
  return faces;
}

/** Characters of `text` (ignoring line breaks) that `weight` has no glyph for. */
export async function missingCharacters(text: string, weight: Weight): Promise<string[]> {
  const face = (await loadFaces())[weight];
  const missing = new Set<string>();
  for (const char of text) {
    if (char === '\n') continue;
    if (!face.codePoints.has(char.codePointAt(0)!)) missing.add(char);
  }
  return [...missing];
}

/**
 * The GSUB features fontkit's layout may apply to horizontal text (its
 * DefaultShaper, which the Han, Latin and common scripts use), and with its
 * GPOS ones, the only features a subset keeps: the lists are laid out
 * horizontally, by fontkit, and a PDF viewer shapes nothing.
 */
const LAYOUT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'rtla', 'rtlm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt']);
const SHAPING_FEATURES = [...LAYOUT_FEATURES, 'mark', 'mkmk', 'curs', 'kern'];
/** Lookup types that replace the glyphs their coverage lists (single, multiple, alternate, ligature). */
const PLAIN_LOOKUPS = new Set([1, 2, 3, 4]);

let substituted: Promise<Substituted | null> | undefined;

/** Whether a substitution may start at a code point. */
export interface Substituted {
  has(codePoint: number): boolean;
}

/**
 * The code points a substitution of those features may start at, in either
 * face, for the scripts such text is laid out under (Han, or the face's
 * default) with their default language: text without them is one glyph per
 * character, as the layout would give it (`——` is one ligature glyph, so
 * `—` is among them). Null when a face has contextual or chained lookups
 * there, whose effects are not read here: everything then goes through the
 * layout. Answered per code point, from each face's cmap, and kept.
 */
export function substitutedCharacters(): Promise<Substituted | null> {
  substituted ??= (async () => {
    const checks: Array<{ font: Font; glyphs: Set<number> }> = [];
    for (const face of Object.values(await loadFaces())) {
      // fontkit's parse of the GSUB table (not part of its typed API).
      const font = face.font as Font & { GSUB?: GsubTable };
      const gsub = font.GSUB;
      if (!gsub) continue;
      // Han text is laid out under 'hani'; text without letters (and Han text in a face without 'hani') under the first default script.
      const fallback = ['DFLT', 'dflt', 'latn'].find((tag) => gsub.scriptList.some((s) => s.tag === tag));
      const features = new Set(
        gsub.scriptList
          .filter((s) => s.tag === 'hani' || s.tag === fallback)
          .flatMap((s) => [...(s.script.defaultLangSys?.featureIndexes ?? []), ...(s.script.defaultLangSys ? [s.script.defaultLangSys.reqFeatureIndex] : [])]),
      );
      const used = new Set(
        gsub.featureList.flatMap((f, i) => (features.has(i) && LAYOUT_FEATURES.has(f.tag) ? f.feature.lookupListIndexes : [])),
      );
      const glyphs = new Set<number>();
      for (const index of used) {
        // One lookup at a time: decoding the whole list (aalt, vert, fwid… over thousands of glyphs) costs a worker ~0.3 s.
        const lookup = gsub.lookupList.get(index);
        for (const table of lookup.subTables) {
          const type = lookup.lookupType === 7 ? table.lookupType : lookup.lookupType;
          const plain = lookup.lookupType === 7 ? table.extension : table;
          if (!type || !PLAIN_LOOKUPS.has(type) || !plain?.coverage) return null;
          for (const glyph of coverageGlyphs(plain.coverage)) glyphs.add(glyph);
        }
      }
      checks.push({ font, glyphs });
    }
    const known = new Map<number, boolean>();
    return {
      has(codePoint) {
        let found = known.get(codePoint);
        if (found === undefined) known.set(codePoint, (found = checks.some(({ font, glyphs }) => glyphs.has(font.glyphForCodePoint(codePoint).id))));
        return found;
      },
    };
  })();
  return substituted;
}

interface Coverage {
  version: number;
  glyphs?: ArrayLike<number>;
  rangeRecords?: ArrayLike<{ start: number; end: number }>;
}
interface GsubTable {
  scriptList: Array<{ tag: string; script: { defaultLangSys?: { reqFeatureIndex: number; featureIndexes: number[] } } }>;
  featureList: Array<{ tag: string; feature: { lookupListIndexes: number[] } }>;
  lookupList: { get(index: number): { lookupType: number; subTables: Array<{ lookupType?: number; coverage?: Coverage; extension?: { coverage?: Coverage } }> } };
}

function coverageGlyphs(coverage: Coverage): number[] {
  if (coverage.version === 1) return Array.from(coverage.glyphs ?? []);
  return Array.from(coverage.rangeRecords ?? []).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
}

/** Loads both faces and their subsetters ahead of the first document (a PDF worker warming up). */
export async function prepareFonts(): Promise<void> {
  await Promise.all(Object.values(await loadFaces()).map((face) => (face.subsetter ??= subsetter(face.bytes, SHAPING_FEATURES))));
}

/**
 * Both faces subset to the characters of `regular` and `bold`. The latest
 * results are kept by character set, so a list and its progress table share one.
 */
export function subsetFonts(regular: string, bold: string): Promise<FontFiles> {
  const r = charset(regular);
  const b = charset(bold);
  const key = `${r}\u0000${b}`;
  let result = subsets.get(key);
  if (result) {
    subsets.delete(key);
    subsets.set(key, result);
  } else {
    result = (async () => {
      const all = await loadFaces();
      try {
        await prepareFonts();
        return { regular: (await all.regular.subsetter!).subset(r), bold: (await all.bold.subsetter!).subset(b) };
      } catch (cause) {
        throw new Error(`字体子集化失败（${FONT_NAME}）`, { cause });
      }
    })();
    subsets.set(key, result);
    if (subsets.size > KEPT_SUBSETS) subsets.delete(subsets.keys().next().value!);
  }
  return result;
}

/** Sorted unique characters, with the ones every list prints anyway. */
function charset(text: string): string {
  const chars = new Set([...text, ...'0123456789 /']);
  chars.delete('\n');
  return [...chars].sort().join('');
}

/**
 * How every stream of a list is compressed: zlib level 5 with its largest
 * hash table (memLevel 9). On the font subsets, a quarter of a list's
 * rendering time, that is 20 % faster than zlib's default (level 6,
 * memLevel 8) for 0.3 % more bytes.
 */
export const FLATE: ZlibOptions = { level: 5, memLevel: 9 };

/**
 * A face as text is shaped on it (`shape` in render.ts): its cmap, its units
 * per em, and fontkit's parse for the text only fontkit's layout shapes right.
 */
export interface ShapingFace {
  unitsPerEm: number;
  /** The glyph id of a code point (0 for none). */
  glyph(codePoint: number): number;
  /** Every code point the cmap maps to a glyph, with its glyph id. */
  characters(): Iterable<[number, number]>;
  /** fontkit's parse of the face. */
  readonly font: Font;
}

/** A face fontkit has parsed, for shaping. */
export function fontkitFace(font: Font): ShapingFace {
  return {
    unitsPerEm: font.unitsPerEm,
    glyph: (codePoint) => font.glyphForCodePoint(codePoint).id,
    *characters() {
      for (const codePoint of font.characterSet) yield [codePoint, font.glyphForCodePoint(codePoint).id];
    },
    font,
  };
}

/**
 * What a list is drawn with from one subset: its cmap, read from the subset
 * itself, and fontkit's parse only when some text needs fontkit's layout
 * (parsing each subset cost a short list a fifth of its rendering time);
 * its advances and bounding box; and its compressed bytes.
 */
export interface SubsetFace extends ShapingFace {
  bytes: Uint8Array;
  metrics: SubsetMetrics;
  /** The subset's FlateDecode stream. */
  deflated: Uint8Array;
}

const subsetFaces = new WeakMap<Uint8Array, SubsetFace>();

/** Everything drawn from a subset, made once per subset (lists with the same character set share it). */
export function subsetFace(bytes: Uint8Array): SubsetFace {
  let face = subsetFaces.get(bytes);
  if (!face) {
    const metrics = subsetMetrics(bytes);
    const cmap = cmapGlyphs(bytes);
    let font: Font | undefined;
    const parsed = () => (font ??= fontkit.create(bytes));
    const shaping: ShapingFace = cmap
      ? {
          unitsPerEm: metrics.unitsPerEm,
          glyph: (codePoint) => cmap.get(codePoint) ?? 0,
          characters: () => cmap.entries(),
          get font() {
            return parsed();
          },
        }
      : fontkitFace(parsed());
    // Defined onto the shaping face, not spread: spreading would read its `font` and parse the subset.
    face = Object.assign(shaping, { bytes, metrics, deflated: deflateSync(bytes, FLATE) });
    subsetFaces.set(bytes, face);
  }
  return face;
}

let metrics: Promise<Record<Weight, FaceMetrics>> | undefined;

/** The font descriptor's values of each face (the same for all its subsets). */
export async function faceMetrics(weight: Weight): Promise<FaceMetrics> {
  metrics ??= loadFaces().then((all) => ({ regular: metricsOf(all.regular.font), bold: metricsOf(all.bold.font) }));
  return (await metrics)[weight];
}
