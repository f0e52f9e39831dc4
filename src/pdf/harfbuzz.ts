/**
 * Font subsetting with harfbuzz's own subsetter (the `harfbuzzjs` wasm build),
 * keeping each face loaded: the font is copied into a wasm instance of its
 * own and preprocessed (`hb_subset_preprocess`) once per process, and each subset
 * then only adds its characters. Hinting is kept and TrueType comes out; of
 * the layout features only those the caller names are kept, with the glyphs
 * they reach (`subset-font` kept them all: in Noto Sans SC, `aalt`, `vert`
 * and the width variants pull in a fifth more glyphs that no horizontal text
 * draws).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  hb_subset_preprocess(face: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

let compiled: Promise<WebAssembly.Module> | undefined;

/** An OpenType tag as harfbuzz's hb_tag_t: its four bytes, big-endian. */
const tag = (name: string) => ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0;

/** A harfbuzz instance of its own: its heap is capped at 65 MB, room for one preprocessed 10 MB face. */
async function harfbuzz(): Promise<HarfBuzz> {
  compiled ??= readFile(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')).then((bytes) => WebAssembly.compile(bytes));
  const instance = await WebAssembly.instantiate(await compiled);
  const hb = instance.exports as unknown as HarfBuzz;
  hb._initialize();
  return hb;
}

/** A face loaded into harfbuzz for the life of the process. */
export interface Subsetter {
  subset(text: string): Uint8Array;
}

/**
 * Loads `font` (TrueType bytes) once; `subset(text)` gives the TrueType subset
 * for the characters of `text`, keeping the layout `features` (tags) only.
 */
export async function subsetter(font: Uint8Array, features: readonly string[]): Promise<Subsetter> {
  const tags = features.map(tag);
  const hb = await harfbuzz();
  const data = hb.malloc(font.byteLength);
  if (data === 0) throw new Error('harfbuzz 的内存放不下字体');
  new Uint8Array(hb.memory.buffer).set(font, data);
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const source = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const face = hb.hb_subset_preprocess(source);
  hb.hb_face_destroy(source);
  if (face === 0) throw new Error('harfbuzz 无法载入字体');
  return {
    subset(text: string): Uint8Array {
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('harfbuzz 无法创建子集参数');
      let result: number;
      try {
        const kept = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
        hb.hb_set_clear(kept);
        for (const t of tags) hb.hb_set_add(kept, t);
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const char of text) hb.hb_set_add(unicodes, char.codePointAt(0)!);
        result = hb.hb_subset_or_fail(face, input);
      } finally {
        hb.hb_subset_input_destroy(input);
      }
      if (result === 0) throw new Error('harfbuzz 子集化失败');
      const out = hb.hb_face_reference_blob(result);
      try {
        const offset = hb.hb_blob_get_data(out, 0);
        const length = hb.hb_blob_get_length(out);
        if (length === 0) throw new Error('harfbuzz 子集为空');
        return new Uint8Array(hb.memory.buffer, offset, length).slice();
      } finally {
        hb.hb_blob_destroy(out);
        hb.hb_face_destroy(result);
      }
    },
  };
}
