/**
 * Printable task lists (任务清单) as PDF bytes, from the plan model and a
 * checklist template (`templates/checklists/*.yml`).
 */
import type { Plan } from '../model/schema.ts';
import type { PdfFile } from './catalog.ts';
import type { ChecklistTemplate } from '../templates/schema.ts';
import { planTaskList, progressTaskList, unitTaskList, yearTaskList, type RowProgress } from './content.ts';
import { buildDate, pdfDocument, type PdfContext } from './document.ts';
import { renderTaskList, type RenderOptions } from './render.ts';

export type { TaskListDoc } from './types.ts';
export { planTaskList, progressTaskList, unitTaskList, yearTaskList, type RowProgress } from './content.ts';
export { renderTaskList } from './render.ts';
export { buildDate, pdfDocument, type PdfContext } from './document.ts';

/** The years a plan has a per-year list for: each year of its period (one definition, in site/format.ts). */
export { planYears } from '../site/format.ts';

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

type Lookup = (task: { id: string }) => RowProgress | undefined;

/** The 进展情况表 of a plan (every task with its latest status); null when the plan has no progress records. */
export async function planProgressPdf(plan: Plan, lookup: Lookup, template: ChecklistTemplate, options: Opts = today()): Promise<Uint8Array | null> {
  const doc = progressTaskList(planTaskList(plan), lookup);
  return doc && (await renderTaskList(doc, template, options)).bytes;
}

/** The 进展情况表 of a unit across the plans that have progress records; null when none of its tasks has any. */
export async function unitProgressPdf(name: string, plans: Plan[], lookup: Lookup, template: ChecklistTemplate, options: Opts = today()): Promise<Uint8Array | null> {
  const doc = progressTaskList(unitTaskList(name, plans), lookup);
  return doc && (await renderTaskList(doc, template, options)).bytes;
}

/** The bytes of one file of `pdfFiles`. */
export async function renderPdfFile(file: Pick<PdfFile, 'list' | 'subject'>, context: PdfContext, options: Opts = today()): Promise<Uint8Array> {
  const { doc, template } = pdfDocument(file, context);
  return (await renderTaskList(doc, template, options)).bytes;
}
