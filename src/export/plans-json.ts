/**
 * `plans.json`: every plan and every task, flat, in the shape of
 * `PlansExportSchema`. Fields are copied one by one (never spread) so that
 * a field added to the model does not leak into the export unnoticed.
 */
import type { Action, Milestone, Plan, Task, Unit } from '../model/schema.ts';
import type { ExportPlan, ExportTask, PlansExport } from './schema.ts';
import { milestoneDue } from '../progress/deadlines.ts';

export function toPlansJson(plans: readonly Plan[]): PlansExport {
  return {
    plans: plans.map(toExportPlan),
    tasks: plans.flatMap((plan) => plan.tasks.map(toExportTask)),
  };
}

/** The export as text: two-space indent and a final newline, like the other files in the tree. */
export function stringifyPlansJson(plans: readonly Plan[]): string {
  return `${JSON.stringify(toPlansJson(plans), null, 2)}\n`;
}

function toExportPlan(plan: Plan): ExportPlan {
  return {
    id: plan.id,
    name: plan.name,
    title: plan.title,
    jurisdiction: [...plan.jurisdiction],
    level: plan.level,
    issuer: plan.issuer,
    docNumber: plan.docNumber,
    issuedOn: plan.issuedOn,
    period: [plan.period[0], plan.period[1]],
    actions: plan.actions.map(toExportAction),
  };
}

function toExportAction(action: Action): ExportPlan['actions'][number] {
  return {
    index: action.index,
    series: action.series,
    ordinal: action.ordinal,
    title: action.title,
    tasks: [...action.tasks],
  };
}

function toExportTask(task: Task): ExportTask {
  return {
    id: task.id,
    plan: task.plan,
    number: task.number,
    action: task.action,
    title: task.title,
    text: task.text,
    units: task.units.map(toExportUnit),
    milestones: task.milestones.map(toExportMilestone),
    deadlineYear: task.deadlineYear,
    deadlineExplicit: task.deadlineExplicit,
    recurrence: [...task.recurrence],
    url: task.url,
  };
}

function toExportUnit(unit: Unit): ExportTask['units'][number] {
  return { name: unit.name, role: unit.role, source: unit.source, clause: unit.clause };
}

function toExportMilestone(milestone: Milestone): ExportTask['milestones'][number] {
  const due = milestoneDue(milestone);
  return { year: milestone.year, month: milestone.month, qualifier: milestone.qualifier, date: due?.exact ? due.date : null, inferredYear: milestone.inferredYear ?? null, text: milestone.text };
}
