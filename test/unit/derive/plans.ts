import type { Milestone, Plan, Task, Unit } from '../../../src/model/schema.ts';

/** A small plan with the given tasks; fields the derivations do not read get plain defaults. */
export function plan(id: string, tasks: Array<Partial<Task> & { number: number }>, extra: Partial<Plan> = {}): Plan {
  return {
    id,
    name: `${id}街道`,
    title: `${id}街道安全生产治本攻坚三年行动实施方案（2024—2026年）`,
    jurisdiction: ['上海市', `${id}区`, `${id}街道`],
    level: '街道',
    issuer: null,
    docNumber: null,
    issuedOn: null,
    period: [2024, 2026],
    path: `content/plans/${id}.md`,
    cover: [],
    body: [],
    actions: [{ index: 1, series: null, ordinal: '（一）', title: '开展责任落实行动', tasks: tasks.map((t) => t.number), place: { line: 1, column: 1 } }],
    tasks: tasks.map((t) => task(id, t)),
    lead: null,
    ...extra,
  };
}

export function task(planId: string, t: Partial<Task> & { number: number }): Task {
  return {
    id: `${planId}-${t.number}`,
    plan: planId,
    label: String(t.number),
    action: 1,
    title: `任务${t.number}`,
    titleSource: 'marked',
    text: `任务${t.number}的正文。`,
    paragraphs: [`任务${t.number}的正文。`],
    units: [],
    milestones: [],
    periods: [],
    deadlineYear: 2026,
    deadlineExplicit: false,
    recurrence: [],
    url: `/plans/${planId}/tasks/${t.number}/`,
    place: { line: 1, column: 1 },
    ...t,
  };
}

export const unit = (name: string, role: Unit['role'] = 'lead', source: Unit['source'] = 'stated'): Unit => ({
  name,
  role,
  source,
  clause: '相关语句。',
  basis: `（${name}牵头负责）`,
});

export const milestone = (year: number, phrase = `${year}年底前`): Milestone => ({
  year,
  month: null,
  qualifier: '底前',
  text: `${phrase}完成。`,
  phrase,
});
