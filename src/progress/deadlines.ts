/**
 * The dates a task's text states as deadlines: each milestone falls on the
 * last day of the period it names.
 *
 * ```text
 * 2024年底前 → 2024-12-31     2025年第二季度 → 2025-06-30     2024年6月 → 2024-06-30
 * 2025年起   → no date (a start, not a deadline)
 * ```
 * A task whose text states no deadline has none here: its deadline year on
 * the pages is the plan's end, which the plan, not the task, states.
 */
import type { Milestone, Task } from '../model/schema.ts';
import { START } from '../model/vocabulary.ts';

export interface StatedDeadline {
  date: string; // ISO, the last day of the stated period
  phrase: string; // as written: 2024年6月底前
  text: string; // the clause the deadline governs
}

/** The last day of the period a milestone names, or null for a start (`起`). */
export function milestoneDate(milestone: Pick<Milestone, 'year' | 'month' | 'qualifier'>): string | null {
  if (milestone.qualifier === START) return null;
  const month = milestone.month ?? 12;
  const day = new Date(Date.UTC(milestone.year, month, 0)).getUTCDate();
  return `${milestone.year}-${pad(month)}-${pad(day)}`;
}

/** Every stated deadline of a task, in date order; the same date stated twice is kept once. */
export function statedDeadlines(task: Pick<Task, 'milestones'>): StatedDeadline[] {
  const byDate = new Map<string, StatedDeadline>();
  for (const m of task.milestones) {
    const date = milestoneDate(m);
    if (date && !byDate.has(date)) byDate.set(date, { date, phrase: m.phrase, text: m.text });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The last stated deadline: when the whole task is due. Null when the text states none. */
export function finalDeadline(task: Pick<Task, 'milestones'>): StatedDeadline | null {
  return statedDeadlines(task).at(-1) ?? null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
