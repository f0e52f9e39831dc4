/**
 * Printable task lists (任务清单) as PDF bytes, from the plan model and a
 * checklist template (`templates/checklists/*.yml`).
 */
import type { Plan } from '../model/schema.ts';
import type { ChecklistTemplate } from '../templates/schema.ts';
import { planTaskList, unitTaskList, yearTaskList } from './content.ts';
import { renderTaskList, type RenderOptions } from './render.ts';

export type { TaskListDoc } from './types.ts';
export { planTaskList, unitTaskList, yearTaskList } from './content.ts';
export { renderTaskList } from './render.ts';

/** Today's date (UTC) as YYYY-MM-DD, or SOURCE_DATE_EPOCH's for reproducible builds. */
export function buildDate(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return new Date(epoch ? Number(epoch) * 1000 : Date.now()).toISOString().slice(0, 10);
}

/** The years a plan has a per-year list for: each year of its period. */
export function planYears(plan: Plan): number[] {
  const years: number[] = [];
  for (let y = plan.period[0]; y <= plan.period[1]; y++) years.push(y);
  return years;
}

/** The response of a PDF endpoint. */
export function pdfResponse(bytes: Uint8Array): Response {
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/pdf' } });
}

type Opts = RenderOptions;
const today = (): Opts => ({ buildDate: buildDate() });

export async function planPdf(plan: Plan, template: ChecklistTemplate, options: Opts = today()): Promise<Uint8Array> {
  return (await renderTaskList(planTaskList(plan), template, options)).bytes;
}

export async function yearPdf(plan: Plan, year: number, template: ChecklistTemplate, options: Opts = today()): Promise<Uint8Array> {
  return (await renderTaskList(yearTaskList(plan, year), template, options)).bytes;
}

export async function unitPdf(name: string, plans: Plan[], template: ChecklistTemplate, options: Opts = today()): Promise<Uint8Array> {
  return (await renderTaskList(unitTaskList(name, plans), template, options)).bytes;
}
