/**
 * How plan documents name themselves, shared by the importer (finding the
 * title) and the outputs (naming a checklist after the plan's subject).
 */
import type { Plan } from './schema.ts';

/** `一` → 1, `十二` → 12, `二十` → 20 (plans never count past 99). */
export function chineseNumber(text: string): number {
  const digit = (ch: string | undefined) => (ch ? '一二三四五六七八九'.indexOf(ch) + 1 : 0);
  const ten = text.indexOf('十');
  if (ten < 0) return digit(text[0]);
  return (ten === 0 ? 1 : digit(text[0])) * 10 + digit(text[ten + 1]);
}

/** `附件`, `附件1`, `附件2：` on a line of their own: the annexes begin (the body's `附件：…` list is not this). */
export const ANNEX_LINE = /^附\s*件\s*\d{0,2}\s*[:：]?$/u;

/** `以上任务…`, `上述工作…`: a paragraph about all the tasks above it. */
export const ABOUT_ALL_TASKS = /^(?:以上|上述)(?:各项|所有|几项)?(?:任务|工作)/u;

/**
 * `（一）指导思想。…` `（二）工作目标。…` under 总体要求, then the first task
 * numbered `（三）`: a plan numbering on through its sections. Given the texts
 * before the first task and its number, how many items numbered 1, 2, …
 * stand before it (0 when they do not all).
 */
export function numberedBefore(texts: string[], first: number): number {
  if (first <= 1) return 0;
  const numbers = new Set(texts.map(leadingNumber));
  for (let n = 1; n < first; n++) if (!numbers.has(n)) return 0;
  return first - 1;
}

/** The number a paragraph opens with: `（三）` → 3, `3.` or `（3）` → 3; 0 for none. */
function leadingNumber(text: string): number {
  const ordinal = /^\s*[（(]\s*([一二三四五六七八九十]+)\s*[）)]/u.exec(text);
  if (ordinal) return chineseNumber(ordinal[1]!);
  const digits = /^\s*(\d{1,3})\s*[.．、]/u.exec(text) ?? /^\s*[（(]\s*(\d{1,3})\s*[）)]/u.exec(text);
  return digits ? Number(digits[1]) : 0;
}

/** The kind of document a title ends with: 实施方案, 工作要点, 任务清单… (longest first where one contains another). */
export const DOC_KIND = '(?:实施方案|工作方案|行动方案|整治方案|分工方案|方案|行动计划|工作计划|计划|工作要点|要点|工作安排|任务清单|责任清单|清单|任务分工表|责任分工表|分工表|任务台账|实施意见|意见|实施细则|细则)';
/** A period written after a title: `（2024—2026年）`, `(2024-2026年)`, `( 2024—2026 年 )`. */
export const PERIOD_SUFFIX = '[（(]\\s*\\d{4}\\s*(?:年\\s*)?(?:[—–\\-－~～至到]{1,2}\\s*\\d{4}\\s*)?年?\\s*(?:度\\s*)?[）)]';

const KIND_AND_PERIOD = new RegExp(`(?:${DOC_KIND})?\\s*(?:${PERIOD_SUFFIX})?$`);
const LEAD_YEAR = /^\d{4}\s*年(?:度)?/;

/**
 * What a plan is about, from its title without the place, the period and
 * the kind of document: 长宁区安全生产治本攻坚三年行动实施方案（2024—2026年）
 * → 安全生产治本攻坚三年行动; 石门县城镇燃气安全专项整治工作方案 → 城镇燃气安全专项整治.
 * Falls back to the whole title when nothing is left.
 */
export function planTopic(plan: Pick<Plan, 'title' | 'name' | 'jurisdiction'>): string {
  let topic = plan.title.replace(/[《》]/g, '').trim();
  for (const place of [...plan.jurisdiction].reverse().concat(plan.name)) {
    const at = topic.indexOf(place);
    if (at >= 0 && at <= 12) topic = topic.slice(at + place.length);
  }
  topic = topic.replace(/^关于/, '').replace(LEAD_YEAR, '').replace(KIND_AND_PERIOD, '').replace(/^(?:的|开展|深入开展)/, '').replace(/的$/, '').trim();
  return topic || plan.title;
}
