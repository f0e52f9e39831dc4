/**
 * Listing pages that would grow with the number of plans (home, year pages,
 * unit pages, comparison topics, /compare/plans/, /data/) are cut into pages of a fixed size, set here, so a
 * page a visitor downloads stays the same size at 5 or 5,000 plans. The first
 * page of a listing adds an index by jurisdiction, which grows with the
 * number of top-level jurisdictions (cities), not with the number of plans.
 */
import type { DueItem, YearEntry } from '../derive/years.ts';
import type { Plan } from '../model/schema.ts';
import type { UnitEntry, UnitTaskRef } from '../derive/units.ts';
import { yearHref } from './urls.ts';

export const PAGE_SIZE = {
  /** Plan cards on the home page and on /plans/page/<n>/. */
  plans: 30,
  /** Tasks (due, or recurring) on one year page. */
  yearTasks: 150,
  /** Plans whose coverage and two-plan tables one page of /compare/plans/ shows. */
  comparePlans: 40,
  /** Plans in one page of the per-plan PDF table of /data/. */
  dataPlans: 60,
  /** Task rows (a task once under each year it falls in) on one page of a unit. */
  unitTasks: 150,
  /** Plans on one page of a comparison topic. */
  topicPlans: 100,
} as const;

/** Missing topics listed by name per plan on /compare/plans/ (the most widely covered first); the rest are counted. */
export const MISSING_SHOWN = 20;

/** Number of pages of `count` items, `size` to a page; an empty listing is one (empty) page. */
export const pageCount = (count: number, size: number) => Math.max(1, Math.ceil(count / size));

/** The 1-based page the item at `index` lands on. */
export const pageOf = (index: number, size: number) => Math.floor(index / size) + 1;

/** The items of page `n` (1-based). */
export const pageItems = <T>(items: readonly T[], size: number, n: number): T[] => items.slice((n - 1) * size, n * size);

/** The page numbers a pager shows: the first, the last and two either side of the current one; null marks a gap. */
export function pagerNumbers(current: number, last: number): Array<number | null> {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])]
    .filter((n) => n >= 1 && n <= last)
    .sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of shown) {
    if (out.length > 0 && n - (out[out.length - 1] as number) > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** The top level of a plan's jurisdiction (上海市, 湖南省): plans are listed in jurisdiction order, so each group is a run. */
export const topJurisdiction = (plan: Pick<Plan, 'jurisdiction'>) => plan.jurisdiction[0] ?? '未写明';

export interface PageGroup {
  label: string;
  /** Plans (or tasks) in the group. */
  count: number;
  /** Plans in the group. */
  plans: number;
  /** The page and element id where the group starts, and the page where it ends. */
  first: { page: number; id: string };
  lastPage: number;
}

/**
 * Runs of consecutive rows with the same label, with the pages they span:
 * the index on the first page of a listing. `rows` are in listing order;
 * `plan` says which plan a row belongs to, `anchor` the id to jump to.
 */
export function pageGroups<T>(
  rows: readonly T[],
  size: number,
  label: (row: T) => string,
  plan: (row: T) => string,
  anchor: (row: T) => string,
): PageGroup[] {
  const groups: Array<PageGroup & { seen: Set<string> }> = [];
  rows.forEach((row, i) => {
    const page = pageOf(i, size);
    const last = groups[groups.length - 1];
    if (last && last.label === label(row)) {
      last.count++;
      last.lastPage = page;
      if (!last.seen.has(plan(row))) last.seen.add(plan(row)), last.plans++;
    } else groups.push({ label: label(row), count: 1, plans: 1, first: { page, id: anchor(row) }, lastPage: page, seen: new Set([plan(row)]) });
  });
  return groups.map(({ seen: _, ...g }) => g);
}

/** One row of a year listing: a task due that year, or a task that recurs in it. */
export type YearRow =
  | { kind: 'due'; plan: string; item: DueItem }
  | { kind: 'recurring'; plan: string; task: { number: number; recurrence: string[] } };

const yearRowsCache = new WeakMap<YearEntry, YearRow[]>();

/** The rows of a year in page order: per plan its tasks with a milestone, then those due by the deadline only; then what recurs. */
export function yearRows(entry: YearEntry): YearRow[] {
  let rows = yearRowsCache.get(entry);
  if (!rows) {
    rows = [
      ...entry.due.flatMap(({ plan, items }) => [
        ...items.filter((it) => !it.implicit).map((item) => ({ kind: 'due' as const, plan, item })),
        ...items.filter((it) => it.implicit).map((item) => ({ kind: 'due' as const, plan, item })),
      ]),
      ...entry.recurring.flatMap(({ plan, tasks }) => tasks.map((task) => ({ kind: 'recurring' as const, plan, task }))),
    ];
    yearRowsCache.set(entry, rows);
  }
  return rows;
}

const planPagesCache = new WeakMap<YearEntry, Map<string, number>>();

/** The year page where a plan's tasks due that year start, or undefined when none is due that year (it may only recur). */
function duePageOfPlan(entry: YearEntry, plan: string): number | undefined {
  let pages = planPagesCache.get(entry);
  if (!pages) {
    pages = new Map();
    yearRows(entry).forEach((row, i) => {
      if (row.kind === 'due' && !pages!.has(row.plan)) pages!.set(row.plan, pageOf(i, PAGE_SIZE.yearTasks));
    });
    planPagesCache.set(entry, pages);
  }
  return pages.get(plan);
}

/** The year page where a plan's tasks due that year start (1 when it has none). */
export const yearPageOfPlan = (entry: YearEntry, plan: string): number => duePageOfPlan(entry, plan) ?? 1;

/** Where a plan's tasks due in a year are listed: its section on the right year page, or the year's first page when it has none. */
export function yearPlanHref(entry: YearEntry, plan: string): string {
  const page = duePageOfPlan(entry, plan);
  return page === undefined ? yearHref(entry.year) : `${yearHref(entry.year, page)}#due-${plan}`;
}

/** One row of a unit's page: a task it takes part in, under one year the task falls in. */
export interface UnitRow {
  year: number;
  ref: UnitTaskRef;
}

/** A unit's rows in page order: year by year, each year's tasks in the unit's order. */
export function unitRows(unit: UnitEntry): UnitRow[] {
  const years = [...new Set(unit.tasks.flatMap((t) => t.years))].sort((a, b) => a - b);
  return years.flatMap((year) => unit.tasks.filter((t) => t.years.includes(year)).map((ref) => ({ year, ref })));
}
