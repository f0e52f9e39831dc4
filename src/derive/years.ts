import type { Milestone, Plan, Task } from '../model/schema.ts';
import { dueMilestones } from '../model/vocabulary.ts';

/** A task that falls due in a year: the milestones of that year, or none when only the plan's end applies. */
export interface DueItem {
  number: number;
  milestones: Milestone[]; // milestones in this year, in text order
  implicit: boolean; // no milestone this year: due by the deadline year (often the plan's end)
}

export interface YearEntry {
  year: number;
  due: Array<{ plan: string; items: DueItem[] }>; // plans in order; empty plans left out
  recurring: Array<{ plan: string; tasks: Array<{ number: number; recurrence: string[] }> }>;
  count: number; // tasks due this year across plans
}

export interface YearIndex {
  years: number[]; // every year of any plan's period, ascending
  get(year: number): YearEntry | undefined;
}

/** The years a task is due in: each year it has a time node due in (a start is not) and its deadline year, ascending. */
export function taskYears(task: Task): number[] {
  const years = new Set<number>(dueMilestones(task.milestones).map((m) => m.year));
  years.add(task.deadlineYear);
  return [...years].sort((a, b) => a - b);
}

/** Group every task by the years it falls due in, and list what recurs in each year. */
export function buildYearIndex(plans: Plan[]): YearIndex {
  const years = new Set<number>();
  for (const p of plans) for (let y = p.period[0]; y <= p.period[1]; y++) years.add(y);
  for (const p of plans) for (const t of p.tasks) for (const y of taskYears(t)) years.add(y);
  const sorted = [...years].sort((a, b) => a - b);
  const entries = new Map<number, YearEntry>();
  for (const year of sorted) entries.set(year, yearEntry(plans, year));
  return { years: sorted, get: (y) => entries.get(y) };
}

function yearEntry(plans: Plan[], year: number): YearEntry {
  const due: YearEntry['due'] = [];
  const recurring: YearEntry['recurring'] = [];
  let count = 0;
  for (const plan of plans) {
    const items: DueItem[] = [];
    const rec: Array<{ number: number; recurrence: string[] }> = [];
    for (const task of plan.tasks) {
      const milestones = dueMilestones(task.milestones).filter((m) => m.year === year);
      if (milestones.length > 0) items.push({ number: task.number, milestones, implicit: false });
      else if (task.deadlineYear === year) items.push({ number: task.number, milestones: [], implicit: true });
      const active = year >= plan.period[0] && year <= Math.max(plan.period[1], task.deadlineYear);
      if (active && task.recurrence.length > 0) rec.push({ number: task.number, recurrence: task.recurrence });
    }
    count += items.length;
    if (items.length > 0) due.push({ plan: plan.id, items });
    if (rec.length > 0) recurring.push({ plan: plan.id, tasks: rec });
  }
  return { year, due, recurring, count };
}
