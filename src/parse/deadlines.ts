/**
 * Deadlines and periods stated in a task's text, or in its deadline label
 * (`完成时限：…`) or time column.
 *
 * ```text
 * 2024年底前，各部门培树2-3家企业；2026年底前，总结经验做法。
 *   → milestones 2024 '底前' '2024年底前，各部门培树2-3家企业', 2026 '底前' …
 * 其中：2024年，组织……；2025年，组织……；2026年，组织……。   → three milestones
 * 2024年12月31日前 → 2024, month 12, '前'     2025年第二季度 → 2025, month 6, '底'
 * 2025年三季度前 → 2025, month 9, '底前'        2024年下半年 → 2024, month 12, '底'
 * 2024年第二、三季度 → 2024, month 9, '底'        2025年1—6月 → 2025, month 6, '月'
 * 在2024年至2026年期间，集中开展……    → period 2024–2026, no milestone
 * 三年内完成全覆盖                     → period over the plan's years
 * ```
 * In a label or time column (`labelled`), a range `2024—2025年` is due by
 * its end year, `2024年4月—9月` by its end month, `2024.12.31` is a date,
 * `长期坚持` / `持续推进` / `常态化` mark the task ongoing. A date without
 * a year (`9月底前`) takes the year of the date before it in the same
 * passage, or of a one-year plan; one that cannot is returned in `yearless`
 * to be reported.
 *
 * Never deadlines: years in titles `《…（2024—2026年）》`, document numbers
 * `〔2023〕17号`, standards `AQ8011-2023`, `2023行动`, and years before the
 * plan period (`2023年及以前排查发现的` refers to the past).
 *
 * Each pattern is one left-to-right pass; clauses end at the next deadline
 * or sentence end, found with one forward pointer.
 */
import type { Milestone, Task } from '../model/schema.ts';
import { dueMilestones, START } from '../model/vocabulary.ts';

export interface Schedule {
  milestones: Milestone[];
  periods: Task['periods'];
  /** Years that cannot be meant (typos such as 2062 or 1024), with their offset. */
  implausible: Array<{ year: number; at: number; phrase: string }>;
  /** Labelled only: the text says the work goes on (长期坚持), not when it ends. */
  ongoing: boolean;
  /** Dates written without a year that could not be given one (`6月底前` in a plan of several years, with no year before it). */
  yearless: string[];
  /** Dates whose day the month does not have (`2025年2月30日前`): the month stands. */
  impossible: string[];
}

/** Parts of a year that stand for a month: the last month of the part (`第` before a quarter is optional). */
export const YEAR_PARTS: Readonly<Record<string, number>> = {
  一季度: 3, 二季度: 6, 三季度: 9, 四季度: 12,
  '1季度': 3, '2季度': 6, '3季度': 9, '4季度': 12,
  上半年: 6, 下半年: 12,
  年中: 6,
};
/** Words in a deadline label or time column that say the work is ongoing. */
export const ONGOING_WORDS: readonly string[] = ['长期坚持', '持续推进', '持续开展', '常态化', '长期'];

const QUALIFIERS: Record<string, string> = {
  年底前: '底前', 底前: '底前', 年底: '底', 底: '底', 年末前: '底前', 末前: '底前', 年末: '底', 末: '底',
  年内: '年内', 年度内: '年内', 内: '年内', 前: '前', 起: START, 开始: START, 启动: START,
};
const NOT_DEADLINE = new Set(['以来', '及以前', '以前', '以后', '度', '的']);

const TITLE = /《[^《》]*》/gu;
const CODE = /[A-Za-z]{1,6}\s*\/?\s*[A-Za-z]?\s*\d[\d.]*\s*[-—–]\s*\d{4}/gu;
/** What runs from one to another: 至, 到 and the dashes and tildes. */
const TO = '至|到|—|–|－|-|~|～';
const RANGE = new RegExp(`(\\d{4})\\s*年?\\s*(?:${TO})\\s*(\\d{4})\\s*年(?:期间|间)?`, 'gu');
const WITHIN = /(?:三|3)\s*年内/gu;
/**
 * Joins the months of a span: `1—6月`, `10月至12月`. In a list of months
 * (`2024年6月、11月`: 安全生产月, then 119消防宣传月) each is a time node.
 */
const SPAN = `\\s*(?:${TO})\\s*`;
/** Joins two quarters of one year, in a span or a list: `第一至第三季度`, `第二、三季度`. */
const JOIN = `\\s*(?:${TO}|、|和|及)\\s*`;
const QUARTER = '一|二|三|四|1|2|3|4';
/** A part of a year, or several quarters, due by the end of the last (`第` before a quarter is optional). */
const PART = `第?\\s*(?:(?:${QUARTER})(?:${JOIN}第?\\s*(?:${QUARTER}))*\\s*季度|上半年|下半年|年中)`;
/** The last quarter of a part, once spaces and 第 are gone. */
const LAST_QUARTER = new RegExp(`(${QUARTER})季度$`, 'u');
/** Words a date may carry that name no month of their own: kept in the phrase as written (`2024年11月中旬前`, `2025年春节前`). */
const TEN_DAYS = '(?:上中|中下|[上中下])旬';
const SEASONS = '春节|元旦|国庆节?|五一|清明节?|端午节?|中秋节?|主汛期|汛期|汛前|两节|双节';
/** One occasion or several (`元旦、春节`, `元旦春节`, `国庆、中秋“双节”`), each in quotes or not. */
const OCCASIONS = `[“"]?(?:${SEASONS})[”"]?(?:\\s*(?:、|和|及|与)?\\s*[“"]?(?:${SEASONS})[”"]?)*`;
const OCCASION = new RegExp(SEASONS, 'gu');
/** `汛期（5月至9月）`: months in brackets after a season say what the season is; they are no date. */
const SEASON_NOTE = /(?:汛期|汛前|主汛期)\s*[（(][^（）()]*$/u;
/**
 * A date: its year, then a month (a span of months, days or ten-day parts is
 * due by its end: `9月—12月`, `6月1日至9月30日`, `6月1日至15日`, `6月中旬至7月上旬`), a part of the year or an
 * occasion (`“五一”` in quotes too), then a qualifier. `前后` (around) is
 * not `前`, and `开始` is a start like `起`.
 */
const DEADLINE = new RegExp(
  `(到|至|截至)?(\\d{4})\\s*年\\s*(?:(?:\\d{1,2}\\s*月?\\s*(?:\\d{1,2}\\s*日\\s*|${TEN_DAYS}\\s*)?${SPAN})?(\\d{1,2})\\s*月\\s*(?:(?:\\d{1,2}\\s*日\\s*${SPAN})?(\\d{1,2})\\s*日\\s*)?(?:(${TEN_DAYS})\\s*)?|(${PART})\\s*|(${OCCASIONS})\\s*)?(年底前|年底|年末前|年末|底前|底|末前|末|年内|内|前(?!后)|起|开始|启动|以来|及以前|以前|以后|度|的)?`,
  'gu',
);
/**
 * A date that writes no year (`9月底前`, `6月中旬至7月上旬`, `第三季度末前`,
 * `“两节”前`, `年底前`, `年内`, `年度内`): after a year, a month or a number it is
 * another thing (`次年3月`, `每年6月`, `12个月`, `三年内`), and after a
 * span's joint it is part of the date before it. A month listed after a
 * dated one (`2024年6月、11月`: 安全生产月, then 119消防宣传月) is a time
 * node of that year. A part of the year needs its `前` (or `末`), a verb
 * after it (`第四季度完成`) or to end a clause (`【完成时限】第四季度`), and
 * an occasion its `前`: otherwise they are nouns (`报送上半年情况`, `汛期值班`).
 */
const YEARLESS_DATE = new RegExp(
  `(?<![\\d年月每第次明去翌上下当今本前后半一二三四五六七八九十两至到—–\\-~～])(?:` +
    `(?:\\d{1,2}\\s*月?\\s*(?:\\d{1,2}\\s*日\\s*|${TEN_DAYS}\\s*)?${SPAN})?(\\d{1,2})\\s*月(?!度)\\s*(?:(?:\\d{1,2}\\s*日\\s*${SPAN})?(\\d{1,2})\\s*日\\s*)?(?:(${TEN_DAYS})\\s*)?(底前|底|末前|末|前(?!后)|起|开始|启动|份)?` +
    `|(${PART})\\s*(?:(底前|末前|底|末|前(?!后))|(?=内?(?:完成|开展|实现|组织|全面|基本|建成|达到|出台|印发)|\\s*(?:$|[；;。，,）)])))` +
    `|(${OCCASIONS})\\s*(前)(?!后)` +
    `|(年底前|年底|年末前|年末|年度内|年内)` +
    `)`,
  'gu',
);
/** The month an occasion falls in, to tell whether a year carried from an earlier date can be meant: 春节 after 2024年12月 is 2025's. */
const OCCASION_MONTH: Readonly<Record<string, number>> = { 元旦: 1, 春节: 2, 两节: 2, 清明: 4, 五一: 5, 端午: 6, 汛前: 5, 汛期: 6, 主汛期: 7, 中秋: 9, 国庆: 10, 双节: 10 };
/** Under a label, a month with no year left after the dates above (a month listed after a dated one has that year: not reported). */
const YEARLESS = new RegExp(`(?<!每年|每|\\d|[、和及至到—–\\-~～]\\s*)(\\d{1,2})\\s*月\\s*(?:\\d{1,2}\\s*日\\s*)?(?:${TEN_DAYS}\\s*)?(底前|底|末前|末|前|份)?`, 'gu');
const ONGOING = new RegExp(ONGOING_WORDS.join('|'), 'u');
const END = /[。！？!?\n]/gu;

export function extractSchedule(text: string, period: [number, number], labelled = false): Schedule {
  let masked = text.replace(TITLE, blank).replace(CODE, blank);
  const found: Array<{ at: number; milestone?: Omit<Milestone, 'text'>; period?: { from: number; to: number } }> = [];
  masked = masked.replace(RANGE, (match, from: string, to: string, at: number) => {
    found.push({ at, period: { from: Number(from), to: Number(to) } });
    if (labelled) found.push({ at, milestone: { year: Number(to), month: null, qualifier: '年', phrase: match.trim() } });
    return blank(match);
  });
  masked = masked.replace(WITHIN, (match, at: number) => {
    found.push({ at, period: { from: period[0], to: period[1] } });
    return blank(match);
  });
  const implausible: Schedule['implausible'] = [];
  const impossible: string[] = [];
  if (labelled) masked = labelledDates(masked, period, found, impossible);
  masked = masked.replace(DEADLINE, (phrase, _to, yearText: string, monthText: string | undefined, day: string | undefined, tenDays: string | undefined, part: string | undefined, season: string | undefined, tail = '', at: number) => {
    if (/[\dA-Za-z\-—〔［\[.]/u.test(masked[at - 1] ?? '')) return phrase;
    const year = Number(yearText);
    const month = monthText ? Number(monthText) : part ? partMonth(part) : null;
    if (year < 2000 || year > 2100 || year > period[1] + 10 || (month !== null && (month < 1 || month > 12))) {
      implausible.push({ year, at, phrase: phrase.trim() });
      return blank(phrase);
    }
    if (year < period[0] || NOT_DEADLINE.has(tail)) return blank(phrase);
    found.push({ at, milestone: { year, month, qualifier: qualifier(tail, monthText, day, part), phrase: phrase.trim(), ...named(year, month, day, tenDays ?? (season && occasionOf(season)), () => impossible.push(phrase.trim())) } });
    return blank(phrase);
  });
  const undated: string[] = [];
  masked = yearlessDates(masked, text, period, found, impossible, undated);
  found.sort((a, b) => a.at - b.at);
  const milestones: Milestone[] = [];
  const periods: Task['periods'] = [];
  let nextMilestone = text.length;
  const nextAfter: number[] = [];
  for (let i = found.length - 1; i >= 0; i -= 1) {
    nextAfter[i] = nextMilestone;
    const entry = found[i];
    if (entry?.milestone) nextMilestone = entry.at;
  }
  let sentenceEnd = -1;
  found.forEach((entry, i) => {
    if (sentenceEnd < entry.at) {
      END.lastIndex = entry.at;
      sentenceEnd = END.exec(text)?.index ?? text.length;
    }
    const clause = trimEnd(text.slice(entry.at, Math.min(nextAfter[i] ?? text.length, sentenceEnd)));
    if (entry.milestone) milestones.push({ ...entry.milestone, text: clause });
    if (entry.period) periods.push({ ...entry.period, text: clause });
  });
  if (!labelled) return { milestones, periods, implausible, ongoing: false, yearless: undated, impossible };
  const yearless = [...new Set([...undated, ...[...masked.matchAll(YEARLESS)].map((match) => match[0].trim())])];
  const ongoing = ONGOING.test(masked) && dueMilestones(milestones).length === 0;
  return { milestones, periods, implausible, ongoing, yearless, impossible };
}

/**
 * Dates written without a year, given one where the text leaves no doubt:
 * the year of the last date before them in the same passage, unless they
 * fall earlier in the year than it (`2024年12月底前排查，3月底前整改` may
 * mean 2025); else the one year of a plan that covers one (a 工作要点),
 * but not for 元旦 or 春节, which may be that year's or the next. Each says how (`inferredYear`). The others are left as they were: in a
 * label, a month is then reported (`yearless`).
 */
function yearlessDates(text: string, original: string, period: [number, number], found: Array<{ at: number; milestone?: Omit<Milestone, 'text'> }>, impossible: string[], undated: string[]): string {
  const stated = found.filter((entry) => entry.milestone).sort((a, b) => a.at - b.at);
  return text.replace(YEARLESS_DATE, (phrase, monthText: string | undefined, day: string | undefined, tenDays: string | undefined, tail: string | undefined, part: string | undefined, partTail: string | undefined, season: string | undefined, _before: string | undefined, yearEnd: string | undefined, at: number) => {
    if (SEASON_NOTE.test(original.slice(Math.max(0, at - 30), at))) return blank(phrase);
    const occasion = season && occasionOf(season);
    const month = monthText ? Number(monthText) : part ? partMonth(part) : null;
    if (monthText && (month! < 1 || month! > 12)) return phrase;
    const earliest = occasion ? Math.min(...occasion.split('、').map((o) => OCCASION_MONTH[o] ?? 12)) : month ?? 12;
    const before = stated.filter((entry) => entry.at < at).at(-1)?.milestone;
    let year: number;
    let inferredYear: Milestone['inferredYear'];
    // A year's end (2024年底前) is its December: 6月底前 after it may be the next year's.
    const after = before && (before.month ?? (before.qualifier === '底前' || before.qualifier === '底' ? 12 : 1));
    if (before && after! <= earliest) [year, inferredYear] = [before.year, 'preceding'];
    // 元旦 and 春节 of a one-year plan may be its first weeks or the next year's (a plan issued in spring means the coming ones).
    else if (!before && period[0] === period[1] && !(occasion && earliest <= 2)) [year, inferredYear] = [period[0], 'plan'];
    else {
      undated.push(phrase.trim());
      return phrase;
    }
    const words = yearEnd ?? partTail ?? (season ? '前' : tail ?? '');
    const qualified = yearEnd ? QUALIFIERS[yearEnd]! : qualifier(words, monthText, day, part);
    found.push({ at, milestone: { year, month, qualifier: qualified, phrase: phrase.trim(), ...named(year, month, day, tenDays ?? occasion, () => impossible.push(phrase.trim())), inferredYear } });
    return blank(phrase);
  });
}

/** `2024年4月—9月`, `2024年4月至2025年3月`: a span of months, due by its end. */
const MONTH_RANGE = new RegExp(`(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(?:\\d{1,2}\\s*日\\s*)?(?:${TO})+\\s*(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日\\s*)?(底前|底|前)?`, 'gu');
/** `2024.12.31`, `2024-12-31前`, `2024/6`: dates written with numbers only, as Word tables do. */
const NUMERIC_DATE = /(?<![\d.\-/])(\d{4})\s*[.\-/．]\s*(\d{1,2})(?:\s*[.\-/．]\s*(\d{1,2}))?(?![\d.\-/])\s*(底前|底|前)?/gu;

/**
 * In a label or time column only: a span of months is due by its end month,
 * and a numeric date is read as a date.
 */
function labelledDates(text: string, period: [number, number], found: Array<{ at: number; milestone?: Omit<Milestone, 'text'> }>, impossible: string[]): string {
  const add = (phrase: string, at: number, year: number, month: number, day: string | undefined, tail: string | undefined) => {
    if (year < period[0] || year > period[1] + 10 || month < 1 || month > 12) return phrase;
    found.push({ at, milestone: { year, month, qualifier: qualifier(tail ?? '', String(month), day, undefined), phrase: phrase.trim(), ...named(year, month, day, undefined, () => impossible.push(phrase.trim())) } });
    return blank(phrase);
  };
  return text
    .replace(MONTH_RANGE, (phrase, from: string, _m: string, to: string | undefined, month: string, day: string | undefined, tail: string | undefined, at: number) => add(phrase, at, Number(to ?? from), Number(month), day, tail))
    .replace(NUMERIC_DATE, (phrase, year: string, month: string, day: string | undefined, tail: string | undefined, at: number) => add(phrase, at, Number(year), Number(month), day, tail));
}

/**
 * The day and the ten-day part or season a date is written with, when it
 * has them: `2024年6月15日前` → day 15, `2024年11月中旬前` → 中旬,
 * `2025年国庆节前` → 国庆. A day the month does not have (`2月30日`) is
 * not kept, and `impossible` is called to have it reported.
 */
function named(year: number, month: number | null, day: string | undefined, word: string | undefined, impossible: () => void): Pick<Milestone, 'day' | 'occasion'> {
  const result: Pick<Milestone, 'day' | 'occasion'> = {};
  const n = Number(day);
  if (month !== null && day) {
    if (n >= 1 && n <= new Date(Date.UTC(year, month, 0)).getUTCDate()) result.day = n;
    else impossible();
  }
  if (word) result.occasion = word;
  return result;
}

/**
 * The occasions a phrase names, as the milestone keeps them: `国庆节` as
 * `国庆`, several joined by `、` (`元旦春节` → `元旦、春节`). `双节` beside
 * the festivals it stands for adds nothing; alone it is kept, undated (it
 * may mean 中秋 and 国庆 or 元旦 and 春节).
 */
function occasionOf(words: string): string {
  const named = [...new Set(words.match(OCCASION)!.map((w) => w.replace(/(?<=国庆|清明|端午|中秋)节$/u, '')))];
  return (named.length > 1 ? named.filter((w) => w !== '双节') : named).join('、');
}

/** The month a part of a year ends in: of several quarters, the last one's. */
function partMonth(part: string): number | null {
  const plain = part.replace(/[\s第]+/gu, '');
  const last = LAST_QUARTER.exec(plain);
  return YEAR_PARTS[last ? `${last[1]}季度` : plain] ?? null;
}

function qualifier(tail: string, month: string | undefined, day: string | undefined, part: string | undefined): string {
  if (part) return tail.endsWith('前') ? '底前' : '底';
  if (day && tail === '') return '前';
  return QUALIFIERS[tail] ?? (month ? '月' : '年');
}

function blank(match: string): string {
  return ' '.repeat(match.length);
}

/** Trailing clause punctuation off, by a loop (a `[…]+$` regex backtracks on long runs). */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s，,；;：:。]/u.test(text[end - 1] ?? '')) end -= 1;
  return text.slice(0, end);
}
