/** Patterns shared by the import stages: ordinals, sentence ends, cover lines. */
import { chineseNumber, DOC_KIND, PERIOD_SUFFIX } from '../model/document.ts';

const NUM = '[一二三四五六七八九十]+';
export const SECTION = new RegExp(`^${NUM}、`);
export const ACTION = new RegExp(`^[（(]\\s*(${NUM})\\s*[）)]\\s*`);
/** `1.` `1．` `1、` (up to four digits, so 1000+ are read, never merged), and Word's one-character `⒈`…`⒛`. */
export const TASK = /^(?:(\d{1,4})\s*[.．、](?![\d．.])|([\u2488-\u249b]))\s*/;
/** `1 加强…`: a task number whose dot the extraction lost; trusted only in sequence. */
export const BARE_TASK = /^(\d{1,3})\s*(?![个名家项次年月日号条人万亿处座辆台所批类种户米公吨元倍])(?=[\u4e00-\u9fff])/;
/** `（1）` `(1)`, and Word's one-character `⑴`…`⒇`: tasks in some plans, sub-items inside a task in others. */
export const PAREN = /^(?:[（(]\s*(\d{1,3})\s*[）)]|([\u2474-\u2487]))\s*/;

/** The number a `TASK` or `PAREN` match reads: its digits, or the enclosed numeral's value (`⑴` and `⒈` are 1). */
export function markerNumber(m: RegExpExecArray): number {
  if (m[1]) return Number(m[1]);
  const code = m[2]!.codePointAt(0)!;
  return code >= 0x2488 ? code - 0x2487 : code - 0x2473;
}
/** `1）` `1)` (Word's `%1）`): sub-points inside a task, or tasks when a plan numbers nothing finer. */
export const HALF_PAREN = /^(\d{1,3})\s*[）)]\s*/;
/** `①`…`⑳`: sub-items, or tasks when a plan numbers nothing else. */
export const CIRCLED = /^([\u2460-\u2473])\s*/;
/** `任务1：开展…`, `任务名称：开展…`: a 清单 of blocks of label lines, one block a task. */
export const NAMED_TASK = /^任务\s*(\d{1,3})\s*[：:、.．]\s*|^(?:任务名称|任务事项|任务内容)\s*[：:]\s*/u;
/** `■开展…`, `★…`, `●…`: bulleted work items, counted. */
export const BULLET = /^[■★●◆▲□◇○•]\s*/u;
/** `第一，开展…。` `第二，…`: work items in paragraphs of their own, counted in words. */
export const FIRST_SECOND = new RegExp(`^第(${NUM})[，,、：:]\\s*`);
/** `一是……，二是……`: work items written inline; the group is the ordinal. */
export const INLINE_ITEM = new RegExp(`(?:^|(?<=[。；;，,：:]))\\s*(${NUM})是`, 'g');

/** The kinds of document (`…实施方案`, `…工作要点`, `…责任清单`), the period after a title and the numerals live in the model's document vocabulary. */
export { chineseNumber, DOC_KIND, PERIOD_SUFFIX };
const TITLE_END = new RegExp(`${DOC_KIND}》?\\s*(?:${PERIOD_SUFFIX})?》?$`);
export const DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}[〔［\[【（(]\d{4}[〕］\]】）)]\d{1,4}号$/;
/** A date line: `2024年4月19日`, or in Chinese numerals `二〇二四年四月十九日`. */
export const DATE = /^(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)$/;

/** The year, month and day of a date line, as written (not checked against the calendar). */
export function readDate(text: string): [number, number, number] | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  if (m[1]) return [Number(m[1]), Number(m[2]), Number(m[3])];
  const year = Number([...m[4]!].map((ch) => '〇一二三四五六七八九'.indexOf(ch.replace(/[○零]/, '〇'))).join(''));
  return [year, chineseNumber(m[5]!), chineseNumber(m[6]!)];
}
/** `2024613日`, `2024年8月5`, `2024年13月2日`, `2024年5月` (no day): a date line that cannot be read as one. */
export function looksLikeBrokenDate(text: string): boolean {
  return !DATE.test(text) && /^\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}|\d{3,4}\s*日|年\s*\d{1,2}\s*月\s*\d{1,2}\s*号|年\s*\d{1,2}\s*月)$/.test(text.trim());
}

/** Text from a PDF text layer with a space between every two characters: `安 全 生 产`. */
export function isLetterSpaced(lines: string[]): boolean {
  let gaps = 0;
  let cjk = 0;
  for (const line of lines) {
    gaps += line.match(new RegExp(`[\u4e00-\u9fff] (?=[\u4e00-\u9fff])`, 'gu'))?.length ?? 0;
    cjk += line.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
  }
  return gaps >= 20 && gaps >= cjk * 0.05;
}

/** Closing lines of a printed notice: `…办公室 2024年4月19日印发`, 附件, 抄送. */
export const CLOSING = /(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$)|^\s*(?:附件|抄送)\s*[:：]/;

/** Sentence-final punctuation, optionally followed by a closing quote/bracket. */
export const FINAL = /(?:[。！？；：…]|[。！？；：][”’）)」』])$/;

export function startsStructure(text: string): boolean {
  return SECTION.test(text) || ACTION.test(text) || TASK.test(text) || PAREN.test(text) || HALF_PAREN.test(text) || CIRCLED.test(text) || BULLET.test(text);
}

/** Ends the way a plan title ends: a document kind, then maybe its period. */
export function endsLikeTitle(text: string): boolean {
  return TITLE_END.test(text);
}

/** A line that stands alone in a cover or signature: never joined to neighbours. */
export function isStandalone(text: string): boolean {
  return DOC_NUMBER.test(text) || DATE.test(text) || CLOSING.test(text) || /^[（(]此件.{2,8}[）)]$/.test(text);
}

/** Notice and plan titles: `关于印发…的通知`, `…实施方案（2024—2026年）`. */
export function isTitleLike(text: string): boolean {
  if (/[。，；]/.test(text)) return false;
  return /(?:的通知|文件)$/.test(text) || endsLikeTitle(text);
}

/** Continues a title broken over lines: `实施方案（2024—2026年）`, `行动工作方案`, `（2024—2026年）`. */
export function continuesTitle(text: string): boolean {
  if (/[。，；：:]/.test(text) || startsStructure(text)) return false;
  return /^(?:(?:实施|工作|行动)?方案|[（(]\s*\d{4})/.test(text) || ([...text].length <= 24 && endsLikeTitle(text));
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

/** Words of this document family that a PDF text layer splits with a space. */
const SPLIT_WORDS = new Set(['安全', '生产', '隐患', '排查', '整治', '治理', '管理', '监管', '应急', '责任', '单位', '部门', '企业', '工作', '建设', '消防', '行动', '方案', '落实', '开展', '加强', '推进', '完成', '事故', '风险', '防范', '重大', '专项', '检查', '执法', '燃气', '交通', '道路', '危险', '化学', '施工', '工程', '设施', '设备', '培训', '宣传', '教育', '机制', '制度', '体系', '能力', '水平', '底前', '年底', '街道', '社区', '乡镇', '政府', '领域', '行业', '重点', '全面', '严格', '依法', '组织', '实施', '提升', '健全', '完善', '推动', '强化', '深化', '问题', '情况', '要求', '目标', '任务', '措施', '保障', '考核', '督导', '督查']);

/**
 * `开展安全生 产大排查` → `开展安全生产大排查`: a space splitting one of the
 * family's common words is a PDF text-layer gap. Other spaces between Chinese
 * characters are kept (`“管行业必须管安全 管业务必须管安全”` separates phrases).
 */
export function joinSplitWords(text: string): string {
  return text.replace(/([\u4e00-\u9fff]) (?=([\u4e00-\u9fff]))/gu, (all, a: string, b: string) => (SPLIT_WORDS.has(a + b) ? a : all));
}
