/**
 * What one file of `pdfFiles` prints: its list and checklist template, drawn
 * from the model. Apart from the renderer (no pdf-lib, no fonts), so the
 * build's own process keys every file for the cache (src/pdf/cache.ts) and
 * hands only the lists that changed to the workers that render them.
 */
import type { Plan } from '../model/schema.ts';
import { statusOf, type SiteProgress } from '../progress/view.ts';
import type { ChecklistTemplate, Templates } from '../templates/schema.ts';
import type { PdfFile } from './catalog.ts';
import { planTaskList, progressTaskList, unitTaskList, yearTaskList } from './content.ts';
import type { TaskListDoc } from './types.ts';

/** Today's date (UTC) as YYYY-MM-DD, or SOURCE_DATE_EPOCH's for reproducible builds. */
export function buildDate(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return new Date(epoch ? Number(epoch) * 1000 : Date.now()).toISOString().slice(0, 10);
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

