/**
 * The substring index: every task's lead phrase and text, with its filter
 * values, for the search page to match a query as an exact substring beside
 * Pagefind's word index. Pagefind segments Chinese into words, so a query
 * that cuts across its word boundaries can rank poorly or miss; an exact
 * substring match never does. Built from the model at build time; the search
 * page gets it cut into small files (`shards.ts`, written by `write.ts`) and
 * its filter lists and counts from it whole.
 */
import type { Action, Plan, Task } from '../model/schema.ts';
import { FILTERS, taskRecord, type FilterName } from './record.ts';

export interface SubstringRecord {
  url: string;
  plan: string; // plan short name
  number: number;
  title: string;
  text: string;
  deadline: string;
  /** Per filter, indexes into `SubstringIndex.values[filter]`. */
  filters: Record<FilterName, number[]>;
}

export interface SubstringIndex {
  version: 1;
  /** Every value of every filter, in first-seen order. */
  values: Record<FilterName, string[]>;
  records: SubstringRecord[];
}

/** `status`: a task's shown status when its plan has progress reports (the 状态 filter). */
export function buildSubstringIndex(plans: Plan[], status: (task: Task) => string | undefined = () => undefined): SubstringIndex {
  const values = Object.fromEntries(FILTERS.map((f) => [f, [] as string[]])) as Record<FilterName, string[]>;
  const lookup = new Map<string, number>();
  const id = (filter: FilterName, value: string): number => {
    const key = `${filter}\u0000${value}`;
    let i = lookup.get(key);
    if (i === undefined) {
      i = values[filter].push(value) - 1;
      lookup.set(key, i);
    }
    return i;
  };
  const seen = new Set<string>();
  const records = plans.flatMap((plan) =>
    plan.tasks
      // A repeated task number has one page; the first task with it is the one shown there.
      .filter((task) => !seen.has(task.url) && seen.add(task.url))
      .map((task) => toRecord(task, plan, plan.actions.find((a) => a.index === task.action), id, status(task))),
  );
  return { version: 1, values, records };
}

function toRecord(
  task: Task,
  plan: Plan,
  action: Action | undefined,
  id: (filter: FilterName, value: string) => number,
  status: string | undefined,
): SubstringRecord {
  const record = taskRecord(task, plan, action, status);
  const filters = Object.fromEntries(
    FILTERS.map((f) => [f, record.filters[f].map((v) => id(f, v))]),
  ) as Record<FilterName, number[]>;
  return {
    url: task.url,
    plan: plan.name,
    number: task.number,
    title: task.title,
    text: task.text,
    deadline: record.meta.deadline,
    filters,
  };
}
