/**
 * The task table shared by `tasks.csv` and `tasks.xlsx`: one row per task,
 * Chinese column headers, every cell already a string or a number as a
 * spreadsheet user reads it.
 */
import type { Plan, Task, Unit } from '../model/schema.ts';
import { deadlinePhrases, NOT_STATED, unitLabels } from '../model/vocabulary.ts';

export interface TaskTableOptions {
  /** Prefix for the 链接 column, e.g. `https://example.org`; links stay site-relative without it. */
  siteUrl?: string;
}

export type Cell = string | number;

export interface Column {
  header: string;
  /** Width in characters for the spreadsheet (CJK characters count about double). */
  width: number;
  /** Long text that should wrap in the spreadsheet. */
  wrap?: boolean;
}

export const TASK_COLUMNS: readonly Column[] = [
  { header: '任务编号', width: 16 },
  { header: '方案', width: 30, wrap: true },
  { header: '辖区', width: 20 },
  { header: '序号', width: 6 },
  { header: '行动', width: 30, wrap: true },
  { header: '任务', width: 30, wrap: true },
  { header: '内容', width: 80, wrap: true },
  { header: '责任单位', width: 30, wrap: true },
  { header: '完成时限', width: 24, wrap: true },
  { header: '截止年份', width: 10 },
  { header: '时限是否明确', width: 14 },
  { header: '周期', width: 12 },
  { header: '链接', width: 32 },
];


export function taskRows(plans: readonly Plan[], options: TaskTableOptions = {}): Cell[][] {
  return plans.flatMap((plan) => plan.tasks.map((task) => taskRow(plan, task, options)));
}

function taskRow(plan: Plan, task: Task, options: TaskTableOptions): Cell[] {
  return [
    task.id,
    plan.title,
    jurisdictionLabel(plan),
    task.number,
    actionLabel(plan, task),
    task.title,
    task.text,
    unitsLabel(task.units),
    deadlineLabel(task),
    task.deadlineYear,
    task.deadlineExplicit ? '是' : '否',
    task.recurrence.join('、'),
    `${(options.siteUrl ?? '').replace(/\/$/, '')}${task.url}`,
  ];
}

export function jurisdictionLabel(plan: Pick<Plan, 'jurisdiction'>): string {
  return plan.jurisdiction.join('');
}

function actionLabel(plan: Plan, task: Task): string {
  const action = plan.actions.find((candidate) => candidate.index === task.action);
  if (!action) return '';
  const label = `${action.ordinal}${action.title}`;
  return action.series ? `${action.series}：${label}` : label;
}

/** `街道发展办（牵头）；管理办（参与）`: a unit named twice with one role is listed once. */
export function unitsLabel(units: readonly Unit[]): string {
  return unitLabels(units).join('；') || NOT_STATED;
}

function deadlineLabel(task: Task): string {
  return deadlinePhrases(task).join('；');
}
