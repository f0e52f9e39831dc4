/**
 * Turns the plan model into task lists: one per plan (every task under its
 * action), one per plan and year (what falls due that year, then the
 * recurring duties), one per responsible unit (each task it is named in).
 * Pure: no I/O.
 */
import { planTopic } from '../model/document.ts';
import { unitSlug } from '../derive/units.ts';
import { deadlinePhrases, INFERRED, milestonePhrase, NOT_STATED, ROLE_COLUMNS, ROLE_LABEL, unitLabels, unitNames, yearSpan } from '../model/vocabulary.ts';
import { buildYearIndex } from '../derive/years.ts';
import { dateLabel } from '../progress/labels.ts';
import type { Milestone, Plan, Task } from '../model/schema.ts';
import type { ListRow, ListSection, TaskListDoc } from './types.ts';

/** Every task of `plan` in order, grouped under its action. */
export function planTaskList(plan: Plan): TaskListDoc {
  const sections: ListSection[] = [];
  for (const task of plan.tasks) {
    const title = actionTitle(plan, task.action);
    const last = sections.at(-1);
    if (last?.title === title) last.rows.push(taskRow(plan, task));
    else sections.push({ title, rows: [taskRow(plan, task)] });
  }
  const [from, to] = plan.period;
  return {
    ...planHead(plan, ''),
    covers: `任务清单（${from}—${to}年）`,
    summary: `共 ${plan.tasks.length} 项任务，按行动分组`,
    sections,
    subject: `${plan.name}${planTopic(plan)}任务清单`,
  };
}

/** What `plan` has due in `year` (milestones with their clause), then its recurring duties. */
export function yearTaskList(plan: Plan, year: number): TaskListDoc {
  const entry = buildYearIndex([plan]).get(year);
  const sections: ListSection[] = [];
  for (const item of entry?.due[0]?.items ?? []) {
    const task = plan.tasks.find((t) => t.number === item.number)!;
    const row = item.implicit ? taskRow(plan, task) : milestoneRow(plan, task, item.milestones);
    const title = actionTitle(plan, task.action);
    const last = sections.at(-1);
    if (last?.title === title) last.rows.push(row);
    else sections.push({ title, rows: [row] });
  }
  const due = sections.reduce((n, s) => n + s.rows.length, 0);
  const recurring = (entry?.recurring[0]?.tasks ?? []).map((r) => plan.tasks.find((t) => t.number === r.number)!);
  if (recurring.length > 0) {
    sections.push({ title: '周期性工作（本年度内按期开展）', rows: recurring.map((t) => recurringRow(plan, t)) });
  }
  return {
    ...planHead(plan, String(year)),
    covers: `${year}年度任务清单`,
    summary: `本年度到期 ${due} 项，周期性工作 ${recurring.length} 项`,
    sections,
    subject: `${plan.name}${year}年度安全生产治本攻坚任务清单`,
  };
}

/**
 * Everything the unit `name` owes across `plans` (units matched by slug):
 * each task it is named in once, under its plan, in task order — the same
 * tasks its unit page lists — with every time node in 完成时限.
 */
export function unitTaskList(name: string, plans: Plan[]): TaskListDoc {
  const slug = unitSlug(name);
  const owns = (task: Task) => task.units.some((u) => unitSlug(u.name) === slug);
  const sections: ListSection[] = [];
  const involved = new Set<string>();
  let count = 0;
  for (const plan of plans) {
    const rows = plan.tasks.filter(owns).map((task) => taskRow(plan, task));
    if (rows.length === 0) continue;
    involved.add(plan.id);
    count += rows.length;
    sections.push({ title: plan.name, rows });
  }
  // A unit a plan names as leading the whole effort owes that too, even without tasks of its own.
  const leads = plans.filter((p) => p.lead && unitSlug(p.lead.name) === slug);
  for (const plan of leads) involved.add(plan.id);
  if (leads.length > 0) sections.unshift({ title: '统筹牵头（全方案）', rows: leads.map((plan) => leadRow(plan, name)) });
  const leadNote = leads.length > 0 ? `；统筹牵头：${leads.map((p) => p.name).join('、')}` : '';
  const years = buildYearIndex(plans).years;
  const span = yearSpan(years[0]!, years.at(-1)!);
  // The plans' common subject, when they share one (安全生产治本攻坚三年行动); none when they differ.
  const topics = [...new Set(plans.filter((p) => involved.has(p.id)).map(planTopic))];
  const topic = topics.length === 1 ? topics[0]! : '';
  return {
    origin: plans.filter((p) => involved.has(p.id)).map((p) => p.path).join('、') || 'content/plans',
    title: name,
    docNumber: null,
    issuer: null,
    covers: `责任单位任务清单（${span}年）`,
    fields: { 标题: '', 方案: '', 主题: topic, 年度: '', 单位: name, 起止: span, 截至: '' },
    summary: `涉及 ${involved.size} 个方案，共 ${count} 项任务${leadNote}`,
    sections,
    subject: `${name}${topic ? `在${topic}中` : ''}承担的任务`,
    author: 'planbook',
    keywords: [name, '任务清单', ...topics],
  };
}

function planHead(plan: Plan, year: string) {
  return {
    fields: { 标题: plan.title, 方案: plan.name, 主题: planTopic(plan), 年度: year, 单位: '', 起止: yearSpan(...plan.period), 截至: '' },
    origin: plan.path,
    title: plan.title,
    docNumber: plan.docNumber,
    issuer: plan.issuer,
    author: plan.issuer ?? plan.name,
    keywords: [plan.name, '任务清单', planTopic(plan)],
  };
}

function actionTitle(plan: Plan, index: number | null): string {
  if (index === null) return plan.actions.length === 0 ? '全部任务' : '其他任务';
  const action = plan.actions[index - 1];
  if (!action) return '其他任务';
  return `${action.series ? `${action.series} · ` : ''}${action.ordinal}${action.title}`;
}

function source(plan: Plan, task: Task) {
  return { file: plan.path, line: task.place.line, column: task.place.column, label: `${plan.name}任务 ${task.number} ` };
}

function units(task: Task): string[] {
  const stated = task.units.filter((u) => u.source === 'stated');
  const inferred = task.units.filter((u) => u.source === 'inferred');
  const lines = unitLabels(stated);
  if (lines.length > 0) return lines;
  return inferred.length > 0 ? [NOT_STATED, ...unitLabels(inferred).map((l) => `${INFERRED}：${l}`)] : [];
}

/**
 * The lead phrase in bold and the rest of the text after it. A title the
 * plan does not mark (taken from the first sentence or clause) is not a lead
 * phrase: the text prints whole, none of it in bold.
 */
function split(task: Task): { lead: string; text: string } {
  if (task.titleSource !== 'marked') return { lead: '', text: task.text };
  if (task.text.startsWith(task.title)) return { lead: task.title, text: task.text.slice(task.title.length) };
  return { lead: task.title, text: `\n${task.text}` };
}

/** Unit names by table column; without a stated unit, the inferred ones marked （推断）. */
function roles(task: Task): ListRow['roles'] {
  const stated = task.units.filter((u) => u.source === 'stated');
  const shown = stated.length > 0 ? stated : task.units.map((u) => ({ ...u, name: `${u.name}（${INFERRED}）` }));
  return {
    lead: unitNames(shown, ROLE_COLUMNS.lead.roles),
    support: unitNames(shown, ROLE_COLUMNS.support.roles),
    // 负责 and 落实 share the column: the role word tells them apart.
    responsible: unitLabels(shown.filter((u) => (ROLE_COLUMNS.responsible.roles as readonly string[]).includes(u.role))),
  };
}

function taskRow(plan: Plan, task: Task): ListRow {
  const deadline = deadlinePhrases(task);
  return {
    number: task.label,
    ...split(task),
    full: task.text,
    units: units(task),
    roles: roles(task),
    deadline: [...deadline, ...task.recurrence].join('\n'),
    source: source(plan, task),
    task: task.id,
  };
}

function milestoneRow(plan: Plan, task: Task, milestones: Milestone[]): ListRow {
  return {
    number: task.label,
    lead: task.title,
    text: `\n${[...new Set(milestones.map((m) => m.text))].join('\n')}`,
    full: [...new Set(milestones.map((m) => m.text))].join('\n'),
    units: units(task),
    roles: roles(task),
    deadline: [...new Set(milestones.map(milestonePhrase))].join('\n'),
    source: source(plan, task),
    task: task.id,
  };
}

function recurringRow(plan: Plan, task: Task): ListRow {
  return { ...taskRow(plan, task), deadline: task.recurrence.join('\n') };
}

function leadRow(plan: Plan, name: string): ListRow {
  return {
    number: '—',
    lead: plan.name,
    text: `\n${plan.lead!.text}`,
    full: plan.lead!.text,
    units: [`${name}（${ROLE_LABEL.lead}）`],
    roles: { lead: [name], support: [], responsible: [] },
    deadline: `${plan.period[0]}—${plan.period[1]}年`,
    source: { file: plan.path, line: 1, column: 1, label: `${plan.name}的统筹牵头单位` },
  };
}

/** A task's latest progress as a 进展情况表 prints it (`statusOf` in src/progress/view.ts gives it). */
export interface RowProgress {
  shown: string; // the status word the site shows: 已逾期 …
  asOf: string; // YYYY-MM-DD
  progress: string; // the latest 进展 text, may be empty
  sample: boolean;
}

/**
 * `doc` as a 进展情况表: each task row with its latest status, date and 进展
 * from `lookup`; rows of plans without progress records (and the 统筹牵头
 * rows, which are no task) are left out. Null when no row has progress. The
 * summary says how many tasks stand at each status, and says 示例数据 first
 * when any record is sample data.
 */
export function progressTaskList(doc: TaskListDoc, lookup: (task: { id: string }) => RowProgress | undefined): TaskListDoc | null {
  const found: RowProgress[] = [];
  const sections = doc.sections
    .map((section) => ({
      ...section,
      rows: section.rows.flatMap((row) => {
        const p = row.task === undefined ? undefined : lookup({ id: row.task });
        if (!p) return [];
        found.push(p);
        return [{ ...row, progress: { status: p.shown, asOf: dateLabel(p.asOf), note: p.progress } }];
      }),
    }))
    .filter((s) => s.rows.length > 0);
  if (found.length === 0) return null;
  const dates = [...new Set(found.map((p) => p.asOf))].sort().map(dateLabel);
  const counts = new Map<string, number>();
  for (const p of found) counts.set(p.shown, (counts.get(p.shown) ?? 0) + 1);
  const tally = [...counts].map(([status, n]) => `${status} ${n} 项`).join('、');
  const sample = found.some((p) => p.sample) ? '示例数据（演示用，不是真实的工作进展报告）· ' : '';
  const covers = `进展情况表（截至${dates.join('、')}）`;
  return {
    ...doc,
    covers,
    fields: { ...doc.fields, 截至: dates.join('、') },
    summary: `${sample}共 ${found.length} 项任务：${tally}`,
    sections,
    subject: `${doc.fields.方案 || doc.fields.单位}${covers}`,
    keywords: [...doc.keywords.filter((k) => k !== '任务清单'), '进展情况表', ...(sample ? ['示例数据'] : [])],
  };
}
