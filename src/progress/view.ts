/**
 * Every plan's progress as of its report date, and each task's status and
 * history, from plans and progress files in hand. Pure (the site gets it
 * through `getProgress()` in site.ts).
 */
import type { ProgressFile } from '../model/progress.ts';
import type { Plan } from '../model/schema.ts';
import { unitSlug, unitsWithTasks, type UnitEntry, type UnitIndex } from '../derive/units.ts';
import { planProgress, progressAsOf, taskHistory, type TaskProgress } from './derive.ts';

export interface PlanProgress {
  plan: Plan;
  file: ProgressFile;
  asOf: string;
  items: TaskProgress[];
}

export interface SiteProgress {
  plans: PlanProgress[];
  /** The plan's progress, if it has any reports. */
  of(planId: string): PlanProgress | undefined;
  /** A task's status as of its plan's date, and its reports oldest first. */
  task(taskId: string): { item: TaskProgress; history: ProgressFile['entries']; asOf: string; sample: boolean } | undefined;
}

/** Plans without a progress file (or without reports) are left out. */
export function createProgress(plans: readonly Plan[], files: ReadonlyMap<string, ProgressFile>): SiteProgress {
  const list: PlanProgress[] = [];
  for (const plan of plans) {
    const file = files.get(plan.id);
    const asOf = file ? progressAsOf(file) : null;
    if (file && asOf) list.push({ plan, file, asOf, items: planProgress(plan, file.entries, asOf) });
  }
  const byPlan = new Map(list.map((p) => [p.plan.id, p]));
  const byTask = new Map(list.flatMap((p) => p.items.map((item) => [item.task.id, { item, history: taskHistory(p.file.entries, item.task.id), asOf: p.asOf, sample: p.file.sample }] as const)));
  return { plans: list, of: (id) => byPlan.get(id), task: (id) => byTask.get(id) };
}

/** The units named in a task of a plan with progress records: each has a 进展情况表 (/pdf/progress/units/<slug>.pdf). */
export function progressUnits(units: UnitIndex, progress: SiteProgress): UnitEntry[] {
  const slugs = new Set(progress.plans.flatMap((p) => p.items.flatMap((i) => i.task.units.map((u) => unitSlug(u.name)))));
  return unitsWithTasks(units).filter((u) => slugs.has(u.slug));
}

/** A task's latest status for the CSV/XLSX columns 最新状态 and 最新进展; none when its plan has no reports. */
export function statusOf(progress: SiteProgress): (task: Pick<Plan['tasks'][number], 'id'>) => { shown: string; asOf: string; progress: string; sample: boolean } | undefined {
  return (task) => {
    const found = progress.task(task.id);
    return found && { shown: found.item.shown, asOf: found.asOf, progress: found.item.latest?.progress ?? '', sample: found.sample };
  };
}
