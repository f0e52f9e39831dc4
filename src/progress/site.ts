/**
 * Progress for the pages, derived once per build: each plan's records, the
 * date they are taken as of (the file's asOf or its latest report; never the
 * build clock) and every task's status as of that date. Plans without a
 * progress file have none, and their pages show no badges.
 */
import { getModel } from '../site/data.ts';
import { keptForBuild } from '../site/handoff.ts';
import { contentDir } from '../site/loader.ts';
import type { UnitEntry } from '../derive/units.ts';
import { loadProgress, progressDir } from './load.ts';
import { createProgress, progressUnits, type SiteProgress } from './view.ts';

export type { PlanProgress, SiteProgress } from './view.ts';

let progress: Promise<SiteProgress> | undefined;
keptForBuild(() => (progress = undefined));

export function getProgress(): Promise<SiteProgress> {
  progress ??= build();
  return progress;
}

async function build(): Promise<SiteProgress> {
  const { plans } = await getModel();
  const files = await loadProgress(progressDir(contentDir()));
  return createProgress(plans, files);
}

/** The units with a 进展情况表 (`progressUnits`). */
export async function unitsWithProgress(): Promise<UnitEntry[]> {
  return progressUnits((await getModel()).units, await getProgress());
}
