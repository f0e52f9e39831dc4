/**
 * Progress for the pages, derived once per build: each plan's records, the
 * date they are taken as of (the file's asOf or its latest report; never the
 * build clock) and every task's status as of that date. Plans without a
 * progress file have none, and their pages show no badges.
 */
import { getModel } from '../site/data.ts';
import { contentDir } from '../site/loader.ts';
import { unitSlug, unitsWithTasks, type UnitEntry } from '../derive/units.ts';
import { loadProgress, progressDir } from './load.ts';
import { createProgress, type SiteProgress } from './view.ts';

export type { PlanProgress, SiteProgress } from './view.ts';

let progress: Promise<SiteProgress> | undefined;

export function getProgress(): Promise<SiteProgress> {
  progress ??= build();
  return progress;
}

async function build(): Promise<SiteProgress> {
  const { plans } = await getModel();
  const files = await loadProgress(progressDir(contentDir()));
  return createProgress(plans, files);
}

/** The units named in a task of a plan with progress records: each has a 进展情况表 (/pdf/progress/units/<slug>.pdf). */
export async function unitsWithProgress(): Promise<UnitEntry[]> {
  const { units } = await getModel();
  const slugs = new Set((await getProgress()).plans.flatMap((p) => p.items.flatMap((i) => i.task.units.map((u) => unitSlug(u.name)))));
  return unitsWithTasks(units).filter((u) => slugs.has(u.slug));
}
