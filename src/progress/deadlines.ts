/**
 * The dates a task's text states as deadlines: each milestone falls on the
 * day it states, else on the last day of the period it names.
 *
 * ```text
 * 2024年底前 → 2024-12-31     2025年第二季度 → 2025-06-30     2024年6月 → 2024-06-30
 * 2024年6月15日前 → 2024-06-15     2024年11月上旬 → 2024-11-10     2024年11月中旬前 → 2024-11-20
 * 2025年春节前 → 2025-01-28 (the eve of 正月初一)     2025年国庆 → 2025-10-01     2026年清明节前 → 2026-04-04
 * 2025年元旦、春节前 and 2025年“两节”前 → 2025-01-28 (several occasions: the latest)     2025年3月中下旬 → 2025-03-31
 * 2025年汛期前, 2025年“双节”前 → 2025-12-31, not exact (a flood season's dates differ by region; 双节 alone may be
 *   中秋 and 国庆 or 元旦 and 春节: no calendar event)
 * 2025年起   → no date (a start, not a deadline)
 * ```
 * Festivals of the lunar calendar (春节, 端午, 中秋) and the solar term
 * 清明 are dated by lunar-typescript. A task whose text states no deadline
 * has none here: its deadline year on the pages is the plan's end, which the
 * plan, not the task, states.
 */
import { Lunar, Solar } from 'lunar-typescript';
import type { Milestone, Task } from '../model/schema.ts';
import { milestonePhrase, START } from '../model/vocabulary.ts';

export interface StatedDeadline {
  date: string; // ISO: the stated day, else the last day of the stated period
  /** The year the phrase names: `2025年元旦前` is 2025, though due on 2024-12-31. */
  year: number;
  /** False when the phrase names no day the text fixes (`2025年汛期前`): `date` is then the latest it can mean, the year's end. */
  exact: boolean;
  phrase: string; // as written (2024年6月底前), with the year given to one that leaves it out (`milestonePhrase`)
  text: string; // the clause the deadline governs
}

type Dated = Pick<Milestone, 'year' | 'month' | 'qualifier' | 'day' | 'occasion'>;

/** Ten-day parts: the last day of each (下旬 and 中下旬 end with the month). */
const TEN_DAYS: Readonly<Record<string, number>> = { 上旬: 10, 上中旬: 20, 中旬: 20 };
/** Occasions that stand for several: `两节` is 元旦 and 春节. */
const GROUPS: Readonly<Record<string, readonly string[]>> = { 两节: ['元旦', '春节'] };
/** Festivals on a fixed day of the Gregorian calendar, as [month, day]. */
const FIXED: Readonly<Record<string, [number, number]>> = { 元旦: [1, 1], 五一: [5, 1], 国庆: [10, 1] };
/** Festivals of the lunar calendar, as [lunar month, lunar day]. */
const LUNAR: Readonly<Record<string, [number, number]>> = { 春节: [1, 1], 端午: [5, 5], 中秋: [8, 15] };

/** The day a milestone is due and whether the text fixes it, or null for a start (`起`). */
export function milestoneDue(milestone: Dated): { date: string; exact: boolean } | null {
  if (milestone.qualifier === START) return null;
  const { year, occasion } = milestone;
  const month = milestone.month ?? 12;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (milestone.day !== undefined) return { date: iso(year, month, milestone.day), exact: true };
  if (occasion === undefined || occasion.endsWith('下旬')) return { date: iso(year, month, last), exact: true };
  if (occasion in TEN_DAYS) return { date: iso(year, month, TEN_DAYS[occasion]!), exact: true };
  // Several occasions (`元旦、春节前`, `两节前`) are due by the latest of them.
  const days = occasion.split('、').flatMap((o) => GROUPS[o] ?? [o]).map((o) => festivalDate(year, o));
  if (days.some((d) => d === null)) return { date: iso(year, month, last), exact: false };
  const festival = days.reduce((a, b) => (b! > a! ? b : a))!;
  // `春节前` is due by the eve of the festival; `国庆` alone, on the day.
  if (milestone.qualifier === '前') festival.setUTCDate(festival.getUTCDate() - 1);
  return { date: festival.toISOString().slice(0, 10), exact: true };
}

/** The due day of a milestone (see `milestoneDue`), or null for a start. */
export function milestoneDate(milestone: Dated): string | null {
  return milestoneDue(milestone)?.date ?? null;
}

/** The day a festival falls on in a Gregorian year, or null for a season whose dates the text does not fix (汛期). */
function festivalDate(year: number, occasion: string): Date | null {
  const fixed = FIXED[occasion];
  if (fixed) return new Date(Date.UTC(year, fixed[0] - 1, fixed[1]));
  const lunar = LUNAR[occasion];
  if (lunar) {
    const solar = Lunar.fromYmd(year, lunar[0], lunar[1]).getSolar();
    return new Date(Date.UTC(solar.getYear(), solar.getMonth() - 1, solar.getDay()));
  }
  if (occasion === '清明') {
    const term = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()['清明'];
    return term ? new Date(Date.UTC(term.getYear(), term.getMonth() - 1, term.getDay())) : null;
  }
  return null;
}

/** Every stated deadline of a task, in date order; the same date stated twice is kept once, in the words that write its year. */
export function statedDeadlines(task: Pick<Task, 'milestones'>): StatedDeadline[] {
  const byDate = new Map<string, StatedDeadline & { inferred: boolean }>();
  for (const m of task.milestones) {
    const due = milestoneDue(m);
    const kept = due && byDate.get(due.date);
    if (due && (!kept || (kept.inferred && !m.inferredYear))) byDate.set(due.date, { ...due, year: m.year, phrase: milestonePhrase(m), text: m.text, inferred: Boolean(m.inferredYear) });
  }
  return [...byDate.values()].map(({ inferred: _, ...deadline }) => deadline).sort((a, b) => a.date.localeCompare(b.date));
}

/** The last stated deadline: when the whole task is due. Null when the text states none. */
export function finalDeadline(task: Pick<Task, 'milestones'>): StatedDeadline | null {
  return statedDeadlines(task).at(-1) ?? null;
}

const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
