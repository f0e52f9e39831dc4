/**
 * The calendar events of a set of tasks: one all-day event per stated
 * deadline, on the last day of the stated period (`2024年底前` →
 * 2024-12-31, `2025年第二季度` → 2025-06-30). A task whose text states no
 * deadline gets no event: it is never put on a date the plan does not give.
 * Pure.
 */
import type { Plan, Task } from '../model/schema.ts';
import { statedDeadlines } from '../progress/deadlines.ts';

export interface DeadlineEvent {
  uid: string; // stable across builds: <task id>-<date>@<host>
  date: string; // ISO date of the all-day event
  summary: string; // 岳阳街道 任务7：深化城镇燃气专项治理（2024年底前）
  description: string; // the clause the deadline governs, then the task's address
  url: string; // absolute task address
  plan: string;
  task: string;
}

export function deadlineEvents(tasks: ReadonlyArray<{ plan: Plan; task: Task }>, site: string): DeadlineEvent[] {
  const host = new URL(site).host;
  const events: DeadlineEvent[] = [];
  for (const { plan, task } of tasks) {
    const url = new URL(task.url, site).href;
    for (const d of statedDeadlines(task)) {
      events.push({
        uid: `${task.id}-${d.date}@${host}`,
        date: d.date,
        summary: `${plan.name} 任务${task.label}：${task.title}（${d.phrase}）`,
        description: `${d.phrase}：${d.text}\n${plan.title}\n${url}`,
        url,
        plan: plan.id,
        task: task.id,
      });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}
