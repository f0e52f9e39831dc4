/**
 * The calendar events of a set of tasks: one all-day event per stated
 * deadline, on the day it states, else on the last day of the stated period
 * (`2024年6月15日前` → 2024-06-15, `2024年底前` → 2024-12-31,
 * `2025年第二季度` → 2025-06-30, `2025年春节前` → 2025-01-28; see
 * src/progress/deadlines.ts). A task whose text states no deadline, or only
 * one the text does not date (`2025年汛期前`), gets no event: it is never
 * put on a date the plan does not give. Pure.
 */
import type { Plan, Task } from '../model/schema.ts';
import { statedDeadlines } from '../progress/deadlines.ts';

export interface DeadlineEvent {
  uid: string; // stable across builds: <task id>-<date>@<host>
  date: string; // ISO date of the all-day event
  summary: string; // 岳阳街道 任务7：深化城镇燃气专项治理（2024年底前）
  description: string; // the clause the deadline governs, then the task's address
  url: string | null; // absolute task address; null when the site has no public URL
  plan: string;
  task: string;
}

/** `site`: the public URL with the base path (`https://host/anquan/`), or null when templates/site.yml sets none. */
export function deadlineEvents(tasks: ReadonlyArray<{ plan: Plan; task: Task }>, site: string | null): DeadlineEvent[] {
  const host = site ? new URL(site).host : 'planbook';
  const events: DeadlineEvent[] = [];
  for (const { plan, task } of tasks) {
    const url = site ? new URL(task.url.slice(1), site.endsWith('/') ? site : `${site}/`).href : null;
    for (const d of statedDeadlines(task)) {
      if (!d.exact) continue;
      events.push({
        uid: `${task.id}-${d.date}@${host}`,
        date: d.date,
        summary: `${plan.name} 任务${task.label}：${task.title}（${d.phrase}）`,
        description: `${d.phrase}：${d.text}\n${plan.title}${url ? `\n${url}` : ''}`,
        url,
        plan: plan.id,
        task: task.id,
      });
    }
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}
