/**
 * A plan written in traditional characters is converted as a whole to
 * simplified characters with OpenCC (the `t` → `cn` tables), and the
 * importer says so once. A simplified text with a stray traditional form
 * (an OCR confusable such as `爲`) is left to `confusables.ts`, which fixes
 * and reports each one: the text ends up in one script either way.
 *
 * ```text
 * 澳門特別行政區消防安全整治工作計劃  → 澳门特别行政区消防安全整治工作计划 (converted: 7)
 * 湘乡市…爲…                          → null (a stray form, not a traditional text)
 * ```
 */
import * as OpenCC from 'opencc-js/t2cn';

const convert = OpenCC.Converter({ from: 't', to: 'cn' });
/** Share of CJK characters that must differ before a text counts as traditional. */
const SHARE = 0.03;
const MIN = 10;

export function toSimplified(text: string): { text: string; converted: number } | null {
  const cjk = text.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
  const out = convert(text);
  if (out.length !== text.length) return null; // phrase tables changed lengths: positions would drift
  let converted = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== out[i]) converted += 1;
  return converted >= MIN && converted >= cjk * SHARE ? { text: out, converted } : null;
}
