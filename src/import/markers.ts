/** Patterns shared by the import stages: ordinals, sentence ends, cover lines. */
const NUM = '[一二三四五六七八九十]+';
export const SECTION = new RegExp(`^${NUM}、`);
export const ACTION = new RegExp(`^[（(]\\s*(${NUM})\\s*[）)]\\s*`);
export const TASK = /^(\d{1,3})\s*[.．、](?![\d．.])\s*/;
export const DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,4}号$/;
export const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/** Closing lines of a printed notice: `…办公室 2024年4月19日印发`, 附件, 抄送. */
export const CLOSING = /(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$)|^\s*(?:附件|抄送)\s*[:：]/;

/** Sentence-final punctuation, optionally followed by a closing quote/bracket. */
export const FINAL = /(?:[。！？；：…]|[。！？；：][”’）)」』])$/;

export function startsStructure(text: string): boolean {
  return SECTION.test(text) || ACTION.test(text) || TASK.test(text);
}

/** A line that stands alone in a cover or signature: never joined to neighbours. */
export function isStandalone(text: string): boolean {
  return DOC_NUMBER.test(text) || DATE.test(text) || CLOSING.test(text);
}

/** Notice and plan titles: `关于印发…的通知`, `…实施方案（2024—2026年）`. */
export function isTitleLike(text: string): boolean {
  if (/[。，；]/.test(text)) return false;
  return /(?:的通知|文件|方案》?|方案》?\s*[（(][^）)]*[）)])$/.test(text);
}

/** Continues a title broken over lines: `实施方案（2024—2026年）`, `（2024—2026年）`. */
export function continuesTitle(text: string): boolean {
  return /^(?:(?:实施|工作|行动)?方案|[（(]\s*\d{4})/.test(text) && !/[。，；]/.test(text);
}

export function unbalanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/《/g) > count(/》/g) || count(/[（(]/g) > count(/[）)]/g) || count(/“/g) > count(/”/g);
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2018-\\u201d\\u2014';
/**
 * Removes spaces an extraction put between Chinese text and numbers
 * (`2024年 4月 19日`, `第 114次`, `17 号`). Runs of several spaces (layout
 * gaps) become one. Spaces between two Chinese characters are kept unless
 * `betweenCjk` is set (titles, where they only mark line breaks).
 */
export function tidySpaces(text: string, betweenCjk = false): string {
  let out = text.replace(/[ \t\u3000]{2,}/g, ' ').trim();
  for (let pass = 0; pass < 2; pass++) out = out.replace(new RegExp(`(\\d) (?=[${CJK}])`, 'g'), '$1');
  out = out.replace(new RegExp(`([${CJK}]) (?=\\d)(?!\\d{4}年\\d{1,2}月\\d{1,2}日)`, 'g'), '$1');
  // Full-width punctuation carries its own spacing: `风险的 “人防` → `风险的“人防`.
  out = out.replace(/ +(?=[“‘《（〔，。、；：！？”’》）〕])|(?<=[“‘《（〔，。、；：！？”’》）〕]) +/g, '');
  if (betweenCjk) out = out.replace(new RegExp(`([${CJK}]) (?=[${CJK}(])`, 'g'), '$1').replace(/ (?=[（(])/g, '');
  return out;
}
