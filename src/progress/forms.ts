/**
 * Which tasks a 进展填报表 lists: every task of one plan, or every task
 * that names one unit, across plans (in plan order, then task order).
 */
import type { Plan, Task } from '../model/schema.ts';

export interface Form {
  name: string; // 岳阳街道, or the unit's name
  title: string; // 岳阳街道 任务进展填报表
  tasks: Array<{ plan: Plan; task: Task }>;
}

export function formTasks(plans: readonly Plan[], by: { plan: string } | { unit: string }): Form {
  if ('plan' in by) {
    const plan = plans.find((p) => p.id === by.plan);
    return { name: plan?.name ?? by.plan, title: `${plan?.name ?? by.plan} 任务进展填报表`, tasks: plan ? plan.tasks.map((task) => ({ plan, task })) : [] };
  }
  const tasks = plans.flatMap((plan) => plan.tasks.filter((t) => t.units.some((u) => u.name === by.unit)).map((task) => ({ plan, task })));
  return { name: by.unit, title: `${by.unit} 任务进展填报表`, tasks };
}
