/**
 * Turns the bytes of an extracted text into a string.
 *
 * Order: BOM (UTF-8, UTF-16 LE/BE) → UTF-16 by NUL pattern → strict UTF-8 →
 * GB18030 (a superset of GBK and GB2312). NUL bytes or control characters
 * that survive decoding mean the file is not text.
 */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; reason: 'empty' | 'binary'; offset: number };

export function decode(input: Uint8Array): DecodeResult {
  const bytes = input;
  if (bytes.length === 0) return { ok: false, reason: 'empty', offset: 0 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(utf8(bytes.subarray(3)), 'utf-8', true);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(utf16(bytes.subarray(2), 'utf-16le'), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(utf16(bytes.subarray(2), 'utf-16be'), 'utf-16be', true);
  const guess = guessUtf16(bytes);
  if (guess) return checked(utf16(bytes, guess), guess, false);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', offset: nul };
  const asUtf8 = utf8(bytes);
  if (asUtf8 !== null) return checked(asUtf8, 'utf-8', false);
  return checked(iconv.decode(Buffer.from(bytes), 'gb18030'), 'gb18030', false);
}

function checked(text: string | null, encoding: Encoding, bom: boolean): DecodeResult {
  if (text === null) return { ok: false, reason: 'binary', offset: 0 };
  // Control characters other than tab/newline/carriage return/form feed, or a
  // high share of replacement characters, mean binary data, not text.
  const bad = text.search(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/);
  if (bad >= 0) return { ok: false, reason: 'binary', offset: bad };
  const replaced = (text.match(/\ufffd/g) ?? []).length;
  if (replaced > 0 && replaced * 20 > text.length) return { ok: false, reason: 'binary', offset: text.indexOf('\ufffd') };
  if (text.trim() === '') return { ok: false, reason: 'empty', offset: 0 };
  return { ok: true, text, encoding, bom };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | null {
  if (bytes.length % 2 !== 0) bytes = bytes.subarray(0, bytes.length - 1);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM: ASCII characters (newlines, digits, punctuation) put
 * a NUL in every other byte; CJK text has no NULs at all. Guess from where the
 * NULs fall when they are frequent and all on one side.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const pairs = bytes.length / 2;
  // A few CJK characters (U+4E00 一) also carry a NUL byte, on the other side.
  if (odd > pairs * 0.05 && even * 3 < odd) return utf16Plausible(bytes, 'utf-16le') ? 'utf-16le' : null;
  if (even > pairs * 0.05 && odd * 3 < even) return utf16Plausible(bytes, 'utf-16be') ? 'utf-16be' : null;
  return null;
}

function utf16Plausible(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const text = utf16(bytes, encoding);
  if (text === null) return false;
  // Mostly CJK, ASCII and CJK punctuation; not arbitrary code points.
  const plain = text.match(/[\u0009\u000a\u000d\u0020-\u007e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2010-\u206f]/g) ?? [];
  return plain.length >= text.length * 0.9;
}
