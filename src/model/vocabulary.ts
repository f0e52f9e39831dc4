/**
 * The words the site, the PDFs, the CSV/XLSX and the search use for the same
 * facts, in one place, so each fact reads one way everywhere:
 *
 * - a unit's role: 牵头 / 配合 / 落实 / 负责, and the three table columns
 *   牵头单位 / 配合单位 / 责任单位 that the roles fall into;
 * - a task whose text names no unit: 未写明;
 * - a task with no written deadline: 未写明（按方案期限 2026年底）;
 * - a task the text calls ongoing (长期坚持, 持续推进, 常态化) with no year: 长期（不设完成年份）;
 * - a start (2024年11月起): a time node, never a deadline.
 */
import type { Milestone, Task, Unit, UnitRole } from './schema.ts';

/** A unit's role as one word: 区应急局（牵头）. */
export const ROLE_LABEL: Record<UnitRole, string> = {
  lead: '牵头',
  support: '配合',
  implement: '落实',
  responsible: '负责',
};

/** The unit columns of a task table and the roles each one lists. */
export const ROLE_COLUMNS = {
  lead: { header: '牵头单位', roles: ['lead'] },
  support: { header: '配合单位', roles: ['support'] },
  responsible: { header: '责任单位', roles: ['responsible', 'implement'] },
} as const satisfies Record<string, { header: string; roles: readonly UnitRole[] }>;

/** A unit the text does not name but the clause implies (site badge, PDF line): 推断. */
export const INFERRED = '推断';

/** What a unit or a deadline reads when the plan's text does not state it. */
export const NOT_STATED = '未写明';

/** A task's units as `名称（角色）`, each once, stated units first; none → []. */
export function unitLabels(units: readonly Pick<Unit, 'name' | 'role'>[]): string[] {
  return [...new Set(units.map((u) => `${u.name}（${ROLE_LABEL[u.role]}）`))];
}

/** The names of the units with one of `roles`, each once. */
export function unitNames(units: readonly Pick<Unit, 'name' | 'role'>[], roles: readonly UnitRole[]): string[] {
  return [...new Set(units.filter((u) => roles.includes(u.role)).map((u) => u.name))];
}

/** A span of years as every output writes it: `2024—2026`, and one year alone: `2025` (never `2025—2025`). */
export const yearSpan = (from: number, to: number): string => (from === to ? `${from}` : `${from}—${to}`);

/** The deadline of a task with no written deadline: 未写明（按方案期限 2026年底）. */
export const implicitDeadline = (year: number) => `${NOT_STATED}（按方案期限 ${year}年底）`;

/** The deadline of a task its text calls ongoing (长期坚持, 持续推进, 常态化) and dates with no year. */
export const ONGOING = '长期（不设完成年份）';

type Dated = Pick<Task, 'deadlineYear' | 'deadlineExplicit' | 'milestones'> & Partial<Pick<Task, 'ongoing'>>;

/** The qualifier of a start (`2024年11月起`, `2025年起`): when a task begins, not when it is due. */
export const START = '起';

/** The milestones a task is due by: every time node but its starts. */
export const dueMilestones = (milestones: readonly Milestone[]): Milestone[] => milestones.filter((m) => m.qualifier !== START);

/** The deadline as one phrase: the milestone that sets the deadline year (2025年6月底前), or the plan's end. */
export function deadlineText(task: Dated): string {
  if (!task.deadlineExplicit) return task.ongoing ? ONGOING : implicitDeadline(task.deadlineYear);
  const last = dueMilestones(task.milestones).filter((m) => m.year === task.deadlineYear).at(-1);
  return last ? milestonePhrase(last) : `${task.deadlineYear}年底前`;
}

/** How a year the phrase leaves out was found (`Milestone.inferredYear`). */
export const YEAR_FROM = { preceding: '承前文', plan: '按方案年度' } as const;

/** A time node as written, with the year it was given when the text leaves the year out: 9月底前（2025年，承前文）. */
export const milestonePhrase = (m: Pick<Milestone, 'phrase' | 'year' | 'inferredYear'>): string =>
  m.inferredYear ? `${m.phrase}（${m.year}年，${YEAR_FROM[m.inferredYear]}）` : m.phrase;

/** Every written time node of a task, each once, then the plan's end wording when none of them is a deadline (only a start, or none). */
export function deadlinePhrases(task: Dated): string[] {
  const phrases = [...new Set(task.milestones.map(milestonePhrase))];
  return task.deadlineExplicit ? phrases : [...phrases, deadlineText(task)];
}

/** Every character these words can print, for the PDF font subset. */
export const VOCABULARY_TEXT = [
  ...Object.values(ROLE_LABEL),
  ...Object.values(ROLE_COLUMNS).map((c) => c.header),
  NOT_STATED,
  INFERRED,
  implicitDeadline(0),
  ONGOING,
  ...Object.values(YEAR_FROM),
  '年底前（）',
].join('');
