import type { Plan, Task, UnitRole } from '../model/schema.ts';
import { taskYears } from './years.ts';

/** A curated group of units that play the same role in different jurisdictions. */
export interface UnitGroup {
  name: string; // 应急管理部门
  note: string | null;
  members: string[]; // unit names, as written in the plans
}

/** One task a unit is named in, with the role it has there. */
export interface UnitTaskRef {
  plan: string;
  number: number;
  role: UnitRole;
  source: 'stated' | 'inferred';
  years: number[]; // milestone years and the deadline year, ascending
}

export interface UnitEntry {
  name: string;
  slug: string;
  plans: string[]; // plan ids, in plan order
  roles: UnitRole[]; // distinct roles, in ROLE_ORDER
  tasks: UnitTaskRef[];
  leads: string[]; // plans that name this unit as leading the whole effort
  group: UnitGroup | null;
}

export interface UnitIndex {
  units: UnitEntry[]; // sorted by task count, then name
  groups: UnitGroup[]; // only members that occur in the plans
  get(slug: string): UnitEntry | undefined;
  byName(name: string): UnitEntry | undefined;
}

export const ROLE_ORDER: UnitRole[] = ['lead', 'responsible', 'implement', 'support'];
export { ROLE_LABEL } from '../model/vocabulary.ts';

/**
 * The URL segment of a unit: the name itself (NFC), with `/ \ ? # %` and
 * whitespace replaced by `-`. Hrefs encode it with `encodeURI`.
 */
export function unitSlug(name: string): string {
  return name.normalize('NFC').trim().replace(/[/\\?#%\s]+/g, '-');
}

/** The href of a unit page. */
export function unitHref(name: string): string {
  return encodeURI(`/units/${unitSlug(name)}/`);
}

/** Index every unit named in any task (or as a plan's lead) across plans. */
export function buildUnitIndex(plans: Plan[], groups: UnitGroup[]): UnitIndex {
  const entries = new Map<string, UnitEntry>();
  const entry = (name: string): UnitEntry => {
    const slug = unitSlug(name);
    let e = entries.get(slug);
    if (!e) {
      e = { name, slug, plans: [], roles: [], tasks: [], leads: [], group: null };
      entries.set(slug, e);
    }
    return e;
  };
  for (const plan of plans) {
    if (plan.lead) addPlan(entry(plan.lead.name), plan.id).leads.push(plan.id);
    for (const task of plan.tasks) addTask(plan, task, entry);
  }
  const present: UnitGroup[] = [];
  for (const g of groups) {
    const members = g.members.filter((m) => entries.has(unitSlug(m)));
    if (members.length === 0) continue;
    const group = { ...g, members };
    present.push(group);
    for (const m of members) entries.get(unitSlug(m))!.group = group;
  }
  const units = [...entries.values()].sort(
    (a, b) => b.tasks.length - a.tasks.length || a.name.localeCompare(b.name, 'zh-CN'),
  );
  for (const u of units) u.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  const byName = (name: string) => entries.get(unitSlug(name));
  return { units, groups: present, get: (slug) => entries.get(slug.normalize('NFC')), byName };
}

function addPlan(e: UnitEntry, plan: string): UnitEntry {
  if (!e.plans.includes(plan)) e.plans.push(plan);
  return e;
}

function addTask(plan: Plan, task: Task, entry: (name: string) => UnitEntry): void {
  const seen = new Set<string>();
  for (const unit of task.units) {
    const e = entry(unit.name);
    const key = `${e.slug}\u0000${unit.role}`;
    if (seen.has(key)) continue; // one row per unit and role, however many clauses name it
    seen.add(key);
    addPlan(e, plan.id);
    if (!e.roles.includes(unit.role)) e.roles.push(unit.role);
    e.tasks.push({ plan: plan.id, number: task.number, role: unit.role, source: unit.source, years: taskYears(task) });
  }
}

/** Units a checklist PDF is made for: those named in at least one task. */
export const unitsWithTasks = (index: UnitIndex): UnitEntry[] => index.units.filter((u) => u.tasks.length > 0);

export interface UnitCounts {
  total: number; // every unit the plans name, in a task or as a plan's lead
  withTasks: number; // named in at least one task (each has a page and a PDF)
  leadOnly: number; // named only as a plan's lead
  perPlan: Array<{ plan: string; units: number }>; // units each plan names (tasks and lead), plan order
}

/** The unit counts every page states, computed once so /units/ and /data/ agree. */
export function unitCounts(index: UnitIndex, plans: Plan[]): UnitCounts {
  const withTasks = unitsWithTasks(index).length;
  return {
    total: index.units.length,
    withTasks,
    leadOnly: index.units.length - withTasks,
    perPlan: plans.map((p) => ({ plan: p.id, units: index.units.filter((u) => u.plans.includes(p.id)).length })),
  };
}
