/**
 * The task table shared by `tasks.csv` and `tasks.xlsx`: one row per task,
 * the columns and headers of `templates/exports.yml` (the default set when
 * none is given), every cell already a string or a number as a spreadsheet
 * user reads it, in the words of the vocabulary (src/model/vocabulary.ts).
 */
import type { Plan, Task, Unit } from '../model/schema.ts';
import { dateLabel } from '../progress/labels.ts';
import { deadlinePhrases, NOT_STATED, ROLE_COLUMNS, unitLabels, unitNames } from '../model/vocabulary.ts';
import { EXPORT_FIELDS, type ExportField, type ExportsTemplate } from '../templates/schema.ts';

export interface TaskTableOptions {
  /** Prefix for the 链接 column: the public URL and base path (`https://host/anquan`); links stay site-relative without it. */
  siteUrl?: string;
  /** The columns, from `templates/exports.yml`; the default set without it. */
  columns?: ExportsTemplate['columns'];
  /** A task's latest status from content/progress (as the site shows it), if its plan has reports. */
  status?: (task: Task) => TaskStatus | undefined;
}

/** What the 最新状态 and 最新进展 columns show. */
export interface TaskStatus {
  shown: string; // 推进中, 已逾期…
  asOf: string; // 2025-03-31
  progress: string; // the latest report's 进展, may be empty
  sample?: boolean; // from a file marked 示例数据
}

export type Cell = string | number;

export interface Column {
  header: string;
  /** Width in characters for the spreadsheet (CJK characters count about double). */
  width: number;
  /** Long text that should wrap in the spreadsheet. */
  wrap?: boolean;
}

/** The columns when no template is given: the shipped `templates/exports.yml`. */
const DEFAULT_WIDTHS = {
  id: 16, plan: 30, jurisdiction: 20, number: 6, action: 30, title: 30, text: 80,
  units: 30, deadline: 24, 'deadline-year': 10, 'deadline-explicit': 14, recurrence: 12, status: 18, progress: 40, link: 32,
} satisfies Partial<Record<ExportField, number>>;
export const DEFAULT_COLUMNS: ExportsTemplate['columns'] = Object.entries(DEFAULT_WIDTHS).map(([column, width]) => ({ column: column as ExportField, width }));

const WRAP = new Set<ExportField>(['plan', 'action', 'title', 'text', 'units', 'lead-units', 'support-units', 'responsible-units', 'deadline', 'progress']);

export function taskColumns(options: TaskTableOptions = {}): Column[] {
  return (options.columns ?? DEFAULT_COLUMNS).map((c) => ({
    header: c.header ?? EXPORT_FIELDS[c.column],
    width: c.width ?? (WRAP.has(c.column) ? 30 : 12),
    ...(WRAP.has(c.column) ? { wrap: true } : {}),
  }));
}

export function taskRows(plans: readonly Plan[], options: TaskTableOptions = {}): Cell[][] {
  const fields = (options.columns ?? DEFAULT_COLUMNS).map((c) => c.column);
  return plans.flatMap((plan) => plan.tasks.map((task) => fields.map((field) => cell(field, plan, task, options))));
}

function cell(field: ExportField, plan: Plan, task: Task, options: TaskTableOptions): Cell {
  switch (field) {
    case 'id': return task.id;
    case 'plan': return plan.title;
    case 'jurisdiction': return jurisdictionLabel(plan);
    case 'number': return task.number;
    case 'action': return actionLabel(plan, task);
    case 'title': return task.title;
    case 'text': return task.text;
    case 'units': return unitsLabel(task.units);
    case 'status': return statusLabel(options.status?.(task));
    case 'progress': return options.status?.(task)?.progress ?? '';
    case 'lead-units': return unitNames(task.units, ROLE_COLUMNS.lead.roles).join('；');
    case 'support-units': return unitNames(task.units, ROLE_COLUMNS.support.roles).join('；');
    case 'responsible-units': return unitNames(task.units, ROLE_COLUMNS.responsible.roles).join('；');
    case 'deadline': return deadlinePhrases(task).join('；');
    case 'deadline-year': return task.deadlineYear;
    case 'deadline-explicit': return task.deadlineExplicit ? '是' : '否';
    case 'recurrence': return task.recurrence.join('、');
    case 'link': return `${(options.siteUrl ?? '').replace(/\/$/, '')}${task.url}`;
  }
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

/** `街道发展办（牵头）；管理办（配合）`: a unit named twice with one role is listed once. */
export function unitsLabel(units: readonly Unit[]): string {
  return unitLabels(units).join('；') || NOT_STATED;
}

/** `推进中（截至2025年3月31日）`, `…，示例数据）` from a sample file; a task whose plan has no reports: 未填报. */
function statusLabel(status: TaskStatus | undefined): string {
  if (!status) return '未填报';
  return `${status.shown}（截至${dateLabel(status.asOf)}${status.sample ? '，示例数据' : ''}）`;
}
