/**
 * The font adapter: Noto Sans SC Regular and Bold, checked for coverage and
 * subset with harfbuzz (`harfbuzz.ts`) to the characters a document uses.
 * pdf-lib then embeds the small subset whole (`subset: false`), because its
 * own subsetting drops most CJK glyph outlines.
 *
 * Everything derived from a subset is made once per character set and kept
 * for the process (a build's PDF worker): the subset, its parse by fontkit
 * (shared with pdf-lib through `sharedFontkit`) and its compressed bytes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import fontkit, { type Font } from '@pdf-lib/fontkit';
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
        return { bytes, codePoints: new Set(fontkit.create(bytes).characterSet) };
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

/** Loads both faces and their subsetters ahead of the first document (a PDF worker warming up). */
export async function prepareFonts(): Promise<void> {
  await Promise.all(Object.values(await loadFaces()).map((face) => (face.subsetter ??= subsetter(face.bytes))));
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

const parsed = new WeakMap<Uint8Array, Font>();

/** A subset parsed once: pdf-lib's embedder and the text measurement share the object and its glyph cache. */
export function parsedFont(bytes: Uint8Array): Font {
  let font = parsed.get(bytes);
  if (!font) parsed.set(bytes, (font = fontkit.create(bytes)));
  return font;
}

/** What `PDFDocument.registerFontkit` takes: fontkit, with the parse of each subset kept. */
export const sharedFontkit = { create: (bytes: Uint8Array) => parsedFont(bytes) };

const deflated = new WeakMap<Uint8Array, Uint8Array>();

/** The bytes of a subset's FlateDecode stream: native zlib, once per subset. */
export function deflateFont(bytes: Uint8Array): Uint8Array {
  let out = deflated.get(bytes);
  if (!out) deflated.set(bytes, (out = deflateSync(bytes)));
  return out;
}
