/**
 * The font adapter: Noto Sans SC Regular and Bold, checked for coverage and
 * subset with harfbuzz (`subset-font`) to the characters a document uses.
 * pdf-lib then embeds the small subset whole (`subset: false`), because its
 * own subsetting drops most CJK glyph outlines.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';

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
  bytes: Buffer;
  codePoints: Set<number>;
}

let faces: Promise<Record<Weight, Face>> | undefined;
const subsets = new Map<string, Promise<FontFiles>>();

function loadFaces(): Promise<Record<Weight, Face>> {
  faces ??= (async () => {
    const require = createRequire(import.meta.url); // from planbook itself, whatever the working folder
    const load = async (weight: Weight): Promise<Face> => {
      const path = require.resolve(FILES[weight]);
      try {
        const bytes = await readFile(path); // a Buffer: subset-font detects the format on Buffers only
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

/**
 * Both faces subset to the characters of `regular` and `bold`. Results are
 * cached for the build by character set, so equal sets are subset once.
 */
export function subsetFonts(regular: string, bold: string): Promise<FontFiles> {
  const r = charset(regular);
  const b = charset(bold);
  const key = `${r}\u0000${b}`;
  let result = subsets.get(key);
  if (!result) {
    result = (async () => {
      const all = await loadFaces();
      try {
        const [rb, bb] = await Promise.all([
          subsetFont(all.regular.bytes, r, { targetFormat: 'truetype' }),
          subsetFont(all.bold.bytes, b, { targetFormat: 'truetype' }),
        ]);
        return { regular: new Uint8Array(rb), bold: new Uint8Array(bb) };
      } catch (cause) {
        throw new Error(`字体子集化失败（${FONT_NAME}）`, { cause });
      }
    })();
    subsets.set(key, result);
  }
  return result;
}

/** Sorted unique characters, with the ones every list prints anyway. */
function charset(text: string): string {
  const chars = new Set([...text, ...'0123456789 /']);
  chars.delete('\n');
  return [...chars].sort().join('');
}
