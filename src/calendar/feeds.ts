/** The two kinds of feed the site serves: one plan's deadlines, and one unit's across plans. */
import type { Plan } from '../model/schema.ts';
import { formTasks } from '../progress/forms.ts';
import { deadlineEvents } from './events.ts';
import { toIcs } from './ics.ts';

const DESCRIPTION = '方案原文写明的完成时限，每个时限一天（全天事件，取所写期间的最后一天）；原文未写时限的任务不列入。';

export function planCalendar(plan: Plan, plans: readonly Plan[], site: string | null): string {
  const events = deadlineEvents(formTasks(plans, { plan: plan.id }).tasks, site);
  return toIcs(events, { name: `${plan.name} 任务完成时限`, description: `${plan.title}：${DESCRIPTION}`, stamp: stampOf([plan]) });
}

export function unitCalendar(unit: string, plans: readonly Plan[], site: string | null): string {
  const { tasks } = formTasks(plans, { unit });
  const events = deadlineEvents(tasks, site);
  return toIcs(events, { name: `${unit} 任务完成时限`, description: `${unit}在各方案中的任务：${DESCRIPTION}`, stamp: stampOf(tasks.map((t) => t.plan)) });
}

/** A date the content states (latest issue date, else the first day of the period), never the build clock. */
function stampOf(plans: readonly Plan[]): string {
  const dates = plans.map((p) => p.issuedOn ?? `${p.period[0]}-01-01`).sort();
  return dates.at(-1) ?? '2000-01-01';
}
