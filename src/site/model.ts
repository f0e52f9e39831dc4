/**
 * The site model from plans already parsed, without Astro: the pages get it
 * through `getModel()` (data.ts, from the `plans` collection) and the PDF
 * step of the build from the parsed plans the content check wrote.
 */
import { readFile } from 'node:fs/promises';
import type { Action, Plan, Task } from '../model/schema.ts';
import { buildUnitIndex, type UnitIndex } from '../derive/units.ts';
import { buildYearIndex, type YearIndex } from '../derive/years.ts';
import { parseUnitGroups } from '../derive/unit-groups.ts';

/** Everything the pages render, derived once per build from the `plans` collection. */
export interface SiteModel {
  plans: Plan[];
  tasks: Task[]; // every task of every plan, plan order then task order
  plan(id: string): Plan | undefined;
  task(planId: string, number: number): Task | undefined;
  action(planId: string, index: number): Action | undefined;
  units: UnitIndex;
  years: YearIndex;
}

/** The curated unit groups file: `PLANBOOK_UNITS` or `content/units.yml`. */
export function unitGroupsPath(): string {
  return process.env.PLANBOOK_UNITS ?? 'content/units.yml';
}

/** The model of `plans` in site order, with the curated unit groups. */
export async function siteModel(plans: Plan[]): Promise<SiteModel> {
  return createModel(inSiteOrder(plans), await readUnitGroups());
}

/** `plans` in the order the site lists them (and aligns them): a sorted copy. */
export function inSiteOrder(plans: readonly Plan[]): Plan[] {
  return [...plans].sort(comparePlans);
}

/** Build the model from plans already parsed (used by getModel and by tests). */
export function createModel(plans: Plan[], groups: Parameters<typeof buildUnitIndex>[1] = []): SiteModel {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const taskMaps = new Map(plans.map((p) => [p.id, new Map(p.tasks.map((t) => [t.number, t]))]));
  return {
    plans,
    tasks: plans.flatMap((p) => p.tasks),
    plan: (id) => byId.get(id),
    task: (planId, n) => taskMaps.get(planId)?.get(n),
    action: (planId, index) => byId.get(planId)?.actions[index - 1],
    units: buildUnitIndex(plans, groups),
    years: buildYearIndex(plans),
  };
}

async function readUnitGroups() {
  const path = unitGroupsPath();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return []; // no curated groups: units are listed one by one
  }
  return parseUnitGroups(text, path).groups; // problems are reported by the content check
}

/** Shanghai plans together, then by jurisdiction path in Chinese collation. */
function comparePlans(a: Plan, b: Plan): number {
  return a.jurisdiction.join('/').localeCompare(b.jurisdiction.join('/'), 'zh-CN');
}
