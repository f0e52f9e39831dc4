/**
 * Printable task lists (任务清单) as PDF bytes, from the plan model and a
 * checklist template (`templates/checklists/*.yml`).
 */
import type { Plan } from '../model/schema.ts';
import { statusOf, type SiteProgress } from '../progress/view.ts';
import type { Templates } from '../templates/schema.ts';
import type { PdfFile } from './catalog.ts';
import type { ChecklistTemplate } from '../templates/schema.ts';
import { planTaskList, progressTaskList, unitTaskList, yearTaskList, type RowProgress } from './content.ts';
import type { TaskListDoc } from './types.ts';
import { renderTaskList, type RenderOptions } from './render.ts';

export type { TaskListDoc } from './types.ts';
export { planTaskList, progressTaskList, unitTaskList, yearTaskList, type RowProgress } from './content.ts';
export { renderTaskList } from './render.ts';

/** Today's date (UTC) as YYYY-MM-DD, or SOURCE_DATE_EPOCH's for reproducible builds. */
export function buildDate(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return new Date(epoch ? Number(epoch) * 1000 : Date.now()).toISOString().slice(0, 10);
}

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

/** What rendering needs, loaded once per process (a PDF worker). */
export interface PdfContext {
  plans: Plan[];
  progress: SiteProgress;
  templates: Templates;
}

/** The list one file of `pdfFiles` prints, and its template: what the file is drawn from (and keyed by in the cache). */
export function pdfDocument(file: Pick<PdfFile, 'list' | 'subject'>, context: PdfContext): { doc: TaskListDoc; template: ChecklistTemplate } {
  const template = context.templates.checklists.get(file.list);
  if (!template) throw new Error(`没有清单模板 ${file.list}.yml`);
  const { subject } = file;
  const plan = (id: string) => {
    const found = context.plans.find((p) => p.id === id);
    if (!found) throw new Error(`没有方案 ${id}`);
    return found;
  };
  const withProgress = (doc: TaskListDoc) => {
    const shown = progressTaskList(doc, statusOf(context.progress));
    if (!shown) throw new Error('没有进展记录');
    return shown;
  };
  switch (subject.kind) {
    case 'plan':
      return { doc: planTaskList(plan(subject.plan)), template };
    case 'year':
      return { doc: yearTaskList(plan(subject.plan), subject.year), template };
    case 'unit':
      return { doc: unitTaskList(subject.unit, context.plans), template };
    case 'plan-progress':
      return { doc: withProgress(planTaskList(plan(subject.plan))), template };
    case 'unit-progress':
      return { doc: withProgress(unitTaskList(subject.unit, context.plans)), template };
  }
}

/** The bytes of one file of `pdfFiles`. */
export async function renderPdfFile(file: Pick<PdfFile, 'list' | 'subject'>, context: PdfContext, options: Opts = today()): Promise<Uint8Array> {
  const { doc, template } = pdfDocument(file, context);
  return (await renderTaskList(doc, template, options)).bytes;
}
