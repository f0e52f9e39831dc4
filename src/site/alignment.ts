import type { Plan } from '../model/schema.ts';
import { keptForBuild } from './handoff.ts';

/** One counterpart of a task in another plan, from the comparison's topic rows. */
export interface Counterpart {
  taskId: string;
  plan: string;
  number: number;
  score: number | null;
}

export interface TaskAlignment {
  groupId: string;
  groupTitle: string;
  counterparts: Counterpart[];
}

interface Group {
  id: string;
  title: string;
  tasks: string[];
  scores: Record<string, number>;
}
type Groups = { groups: Group[] };
type ComparisonModule = { getComparison(): Promise<{ alignment: Groups }> };
type AlignModule = { alignPlans(plans: Plan[]): Groups | Promise<Groups> };

// The comparison lives in src/align and src/pages/compare; the site works with
// or without it. Prefer the compare pages' shared result (computed once per
// build, with content/alignment.yml applied) so both show the same rows.
const comparison = import.meta.glob<ComparisonModule>('../pages/compare/_data.ts');
const align = import.meta.glob<AlignModule>('../align/index.ts');
let cached: Promise<Map<string, TaskAlignment[]> | null> | undefined;
keptForBuild(() => (cached = undefined));

/** Topic rows per task id, or null when the comparison is not available. */
export function getAlignment(plans: Plan[]): Promise<Map<string, TaskAlignment[]> | null> {
  cached ??= build(plans);
  return cached;
}

async function groups(plans: Plan[]): Promise<Group[] | null> {
  if (process.env.PLANBOOK_NO_ALIGN === '1') return null;
  const shared = comparison['../pages/compare/_data.ts'];
  if (shared) return (await (await shared()).getComparison()).alignment.groups;
  const own = align['../align/index.ts'];
  if (own) return (await (await own()).alignPlans(plans)).groups;
  return null;
}

async function build(plans: Plan[]): Promise<Map<string, TaskAlignment[]> | null> {
  const all = await groups(plans);
  if (!all) return null;
  const tasks = new Map(plans.flatMap((p) => p.tasks.map((t) => [t.id, t] as const)));
  const byTask = new Map<string, TaskAlignment[]>();
  for (const g of all) {
    if (g.tasks.length < 2) continue;
    for (const id of g.tasks) {
      const self = tasks.get(id);
      const counterparts = g.tasks
        .filter((other) => other !== id)
        .map((other) => tasks.get(other))
        .filter((t) => t !== undefined && t.plan !== self?.plan)
        .map((t) => ({ taskId: t!.id, plan: t!.plan, number: t!.number, score: g.scores[t!.id] ?? null }));
      if (counterparts.length === 0) continue;
      const list = byTask.get(id) ?? [];
      list.push({ groupId: g.id, groupTitle: g.title, counterparts });
      byTask.set(id, list);
    }
  }
  return byTask;
}
