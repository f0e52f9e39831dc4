import type { Milestone, Plan, Task, UnitRole } from '../model/schema.ts';
import { deadlineText, milestonePhrase, ROLE_LABEL, yearSpan } from '../model/vocabulary.ts';
import { buildYearIndex } from '../derive/years.ts';

/** 2024-03-22 → 2024年3月22日; null → 未注明. */
export function formatDate(iso: string | null): string {
  if (!iso) return '未注明';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const orUnstated = (value: string | null | undefined) => (value && value.trim() ? value : '未注明');

export const roleLabel = (role: UnitRole) => ROLE_LABEL[role];

export const periodText = (plan: Pick<Plan, 'period'>) => `${yearSpan(...plan.period)}年`;

/** The lead phrase and the rest of the first paragraph, so the phrase can be set in bold without losing text. */
export function splitLead(task: Pick<Task, 'title' | 'paragraphs'>): { lead: string; rest: string; joined: boolean } {
  const first = task.paragraphs[0] ?? '';
  if (task.title && first.startsWith(task.title)) {
    return { lead: task.title, rest: first.slice(task.title.length), joined: true };
  }
  return { lead: task.title, rest: first, joined: false };
}

/** A milestone as a badge: 2024年底前. */
export const milestoneLabel = (m: Milestone) => (m.phrase ? milestonePhrase(m) : `${m.year}年${m.month ? `${m.month}月` : ''}${m.qualifier}`);

/** The deadline of a task as a phrase (see the vocabulary). */
export const deadlineLabel = deadlineText;

/**
 * Number of tasks due in each year of the plan (a task counts in every year it
 * has a milestone or its deadline): the year index's own count, so the home
 * card and the year pages always agree.
 */
export function tasksPerYear(plan: Plan): Array<{ year: number; count: number }> {
  const index = buildYearIndex([plan]);
  return index.years.map((year) => ({ year, count: index.get(year)?.count ?? 0 }));
}

/** Tasks that name at least one responsible unit (stated in the text). */
export const tasksWithStatedUnit = (plan: Plan) => plan.tasks.filter((t) => t.units.some((u) => u.source === 'stated')).length;

/** The plan's years (its period). */
export function planYears(plan: Pick<Plan, 'period'>): number[] {
  const years: number[] = [];
  for (let y = plan.period[0]; y <= plan.period[1]; y++) years.push(y);
  return years;
}

/** Human file size: 12.3 KB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 相似度 has one meaning across the site: a task's text similarity to the
 * other tasks of its topic row (0–1, two decimals), as the comparison computes it.
 */
export const similarityText = (score: number | null) => (score === null ? '—' : score.toFixed(2));
export const SIMILARITY_NOTE = '相似度：与同一主题中其他任务文本的平均相似度（0–1），自动计算，仅供参考。';
