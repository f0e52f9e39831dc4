/**
 * The search record of one task: its filter values and metadata, derived
 * from the model in one place; the substring index and the Pagefind records
 * (`write.ts`) are both made from it, so they always agree.
 */
import type { Action, Plan, Task } from '../model/schema.ts';
import { deadlineText } from '../model/vocabulary.ts';
import { taskYears } from '../derive/years.ts';

/** Filter names, as users read them on the search page. */
export const FILTERS = ['辖区', '完成年份', '责任单位', '行动', '状态'] as const;
export type FilterName = (typeof FILTERS)[number];

export interface SearchRecord {
  filters: Record<FilterName, string[]>;
  meta: { title: string; plan: string; planId: string; number: string; deadline: string };
}

/** The deadline as a reader sees it: the phrase that sets the deadline year, or the plan's end. */
export { deadlineText } from '../model/vocabulary.ts';

/**
 * `status`: the task's status as the site shows it (推进中, 已逾期…) when its
 * plan has progress reports; a task without one has no 状态 value.
 */
export function taskRecord(task: Task, plan: Plan, action: Action | undefined, status?: string): SearchRecord {
  const years = taskYears(task);
  return {
    filters: {
      辖区: [plan.name],
      完成年份: years.map((y) => `${y}年`),
      责任单位: [...new Set(task.units.map((u) => u.name))],
      行动: action ? [action.title] : [],
      状态: status ? [status] : [],
    },
    meta: {
      title: task.title,
      plan: plan.name,
      planId: plan.id,
      number: String(task.number),
      deadline: deadlineText(task),
    },
  };
}
