/**
 * The comparison as the pages show it: columns (plans), topic rows with one
 * cell per plan, coverage per plan and topic overlap between plans.
 */
import type { Plan, Task } from '../model/schema.ts';
import { dueMilestones, milestonePhrase } from '../model/vocabulary.ts';
import type { Alignment, AlignmentGroup } from './types.ts';

export interface CellView {
  task: Task;
  score: number;
  years: number[];
  deadlines: string[];
  units: string[];
}

export interface RowView {
  group: AlignmentGroup;
  cells: Record<string, CellView | null>;
  actions: string[]; // "<plan>:<action index>" of its members
  years: number[];
}

export interface ComparisonView {
  plans: Plan[];
  rows: RowView[];
  /** Per plan: rows it has a task in, and the titles of rows it lacks. */
  coverage: { plan: Plan; covered: number; missing: AlignmentGroup[] }[];
  /** Topic overlap of two plans: shared rows / rows either has (Jaccard), 0..1. */
  overlap: (a: string, b: string) => number;
}

export function cellOf(task: Task, score: number): CellView {
  const years = new Set(dueMilestones(task.milestones).map((m) => m.year));
  if (task.deadlineExplicit) years.add(task.deadlineYear);
  return {
    task,
    score,
    years: [...years].sort(),
    deadlines: [...new Set(task.milestones.map(milestonePhrase))],
    units: [...new Set(task.units.map((u) => u.name))],
  };
}

// The rows each task sits in: a view of two plans (a pair page) visits their tasks' rows instead of
// every member of every row. Kept per alignment object, for the build's one alignment.
const rowsOfTask = new WeakMap<Alignment, Map<string, number[]>>();

function taskRows(alignment: Alignment): Map<string, number[]> {
  let index = rowsOfTask.get(alignment);
  if (!index) {
    index = new Map();
    alignment.groups.forEach((group, g) => {
      for (const id of group.tasks) {
        const list = index!.get(id);
        if (list) list.push(g);
        else index!.set(id, [g]);
      }
    });
    rowsOfTask.set(alignment, index);
  }
  return index;
}

export function comparisonView(plans: Plan[], alignment: Alignment): ComparisonView {
  // Each row's cell of a plan is the plan's first task in it (rows list their tasks in plan order).
  const cellsOf = alignment.groups.map(() => Object.fromEntries(plans.map((p) => [p.id, null])) as Record<string, CellView | null>);
  const index = taskRows(alignment);
  for (const plan of plans) {
    for (const task of plan.tasks) {
      for (const g of index.get(task.id) ?? []) {
        if (!cellsOf[g]![plan.id]) cellsOf[g]![plan.id] = cellOf(task, alignment.groups[g]!.scores[task.id] ?? 0);
      }
    }
  }
  const rows: RowView[] = alignment.groups.map((group, g) => {
    const cells = cellsOf[g]!;
    const shown = Object.values(cells).filter((c): c is CellView => c !== null);
    return {
      group,
      cells,
      actions: shown.map((c) => `${c.task.plan}:${c.task.action}`),
      years: [...new Set(shown.flatMap((c) => c.years))].sort(),
    };
  });
  const has = (id: string) => new Set(rows.filter((r) => r.cells[id]).map((r) => r.group.id));
  const sets = new Map(plans.map((p) => [p.id, has(p.id)]));
  return {
    plans,
    rows,
    coverage: plans.map((plan) => ({
      plan,
      covered: sets.get(plan.id)!.size,
      missing: rows.filter((r) => !r.cells[plan.id] && Object.values(r.cells).some((c) => c)).map((r) => r.group),
    })),
    overlap: (a, b) => {
      const x = sets.get(a)!;
      const y = sets.get(b)!;
      let both = 0;
      for (const g of x) if (y.has(g)) both++;
      const either = x.size + y.size - both;
      return either ? both / either : 0;
    },
  };
}
