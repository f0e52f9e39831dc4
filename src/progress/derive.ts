/**
 * Pure functions from plans and progress records to what the pages show:
 * the latest status of a task as of a date, whether it is overdue, and
 * counts per plan, unit and year.
 *
 * Overdue (已逾期) is derived, never typed: a task is overdue as of a date
 * when its last stated deadline lies before that date and its latest report
 * is neither 已完成 nor 不适用 (or there is none). The date is always given:
 * the `--as-of` date of the import, or the latest report date; never the
 * clock of the machine building the site.
 */
import type { ProgressEntry, ProgressFile, ReportedStatus, ShownStatus } from '../model/progress.ts';
import type { Plan, Task } from '../model/schema.ts';
import { finalDeadline, type StatedDeadline } from './deadlines.ts';
import { NOT_STATED } from '../model/vocabulary.ts';

export interface TaskProgress {
  task: Task;
  /** What the badge says. */
  shown: ShownStatus;
  /** The latest report on or before the date, if any. */
  latest: ProgressEntry | null;
  overdue: boolean;
  deadline: StatedDeadline | null;
}

/** The date a plan's progress is taken as of: the file's asOf, else its latest report date; null without reports. */
export function progressAsOf(file: Pick<ProgressFile, 'asOf' | 'entries'>): string | null {
  if (file.asOf) return file.asOf;
  return file.entries.reduce<string | null>((max, e) => (max === null || e.date > max ? e.date : max), null);
}

/** A task's reports in date order (oldest first). */
export function taskHistory(entries: readonly ProgressEntry[], taskId: string): ProgressEntry[] {
  return entries.filter((e) => e.task === taskId).sort((a, b) => a.date.localeCompare(b.date));
}

/** The latest report on a task on or before `asOf`. */
export function latestEntry(entries: readonly ProgressEntry[], taskId: string, asOf: string): ProgressEntry | null {
  let latest: ProgressEntry | null = null;
  for (const e of entries) {
    if (e.task === taskId && e.date <= asOf && (!latest || e.date >= latest.date)) latest = e;
  }
  return latest;
}

const SETTLED: ReadonlySet<ReportedStatus> = new Set(['已完成', '不适用']);

/** A task's status as of a date. */
export function taskProgress(task: Task, entries: readonly ProgressEntry[], asOf: string): TaskProgress {
  const latest = latestEntry(entries, task.id, asOf);
  const deadline = finalDeadline(task);
  const settled = latest !== null && SETTLED.has(latest.status);
  const overdue = !settled && deadline !== null && deadline.date < asOf;
  const shown: ShownStatus = overdue ? '已逾期' : (latest?.status ?? '未填报');
  return { task, shown, latest, overdue, deadline };
}

/** Every task of a plan as of a date, in plan order. */
export function planProgress(plan: Plan, entries: readonly ProgressEntry[], asOf: string): TaskProgress[] {
  return plan.tasks.map((task) => taskProgress(task, entries, asOf));
}

/** The order statuses are counted and drawn in. */
export const SHOWN_STATUSES: readonly ShownStatus[] = ['已完成', '推进中', '未启动', '已逾期', '不适用', '未填报'];

export type StatusCounts = Record<ShownStatus, number> & { total: number };

export function countStatuses(items: readonly Pick<TaskProgress, 'shown'>[]): StatusCounts {
  const counts = Object.fromEntries(SHOWN_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const item of items) counts[item.shown] += 1;
  counts.total = items.length;
  return counts;
}

/** Counts grouped by a key; a task with several keys (units) counts under each. */
export function countBy(items: readonly TaskProgress[], keys: (item: TaskProgress) => readonly string[]): Map<string, StatusCounts> {
  const groups = new Map<string, TaskProgress[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return new Map([...groups].map(([key, list]) => [key, countStatuses(list)]));
}

/** Counts per responsible unit as the plan states it (tasks without a stated unit under 未写明). */
export function countByUnit(items: readonly TaskProgress[]): Map<string, StatusCounts> {
  return countBy(items, (i) => (i.task.units.length > 0 ? i.task.units.map((u) => u.name) : [NOT_STATED]));
}

/** Counts per year the last stated deadline names (tasks without one under 未写明), as the year pages list them. */
export function countByYear(items: readonly TaskProgress[]): Map<string, StatusCounts> {
  return countBy(items, (i) => [i.deadline ? `${i.deadline.year}年` : NOT_STATED]);
}
