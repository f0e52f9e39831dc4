/**
 * Every checklist PDF of the site, in one list: which template and which
 * plan, year or unit it is, and its URL — the `…PdfHref` of
 * src/site/urls.ts that the pages link. The build's PDF step
 * (src/build/pdf.ts) renders exactly these files, and the data page lists
 * the lists an office added from it, so the links and the files cannot
 * drift apart. `renderPdfFile` (index.ts) renders one.
 */
import { unitsWithTasks, type UnitIndex } from '../derive/units.ts';
import type { Plan } from '../model/schema.ts';
import { progressPdfHref, unitProgressPdfHref } from '../progress/urls.ts';
import { progressUnits, type SiteProgress } from '../progress/view.ts';
import { planYears } from '../site/format.ts';
import { addedPdfHref, planPdfHref, planYearPdfHref, unitPdfHref } from '../site/urls.ts';
import { addedChecklists } from '../site/templates.ts';
import type { Templates } from '../templates/schema.ts';

export type PdfSubject =
  | { kind: 'plan'; plan: string }
  | { kind: 'year'; plan: string; year: number }
  | { kind: 'unit'; unit: string }
  | { kind: 'plan-progress'; plan: string }
  | { kind: 'unit-progress'; unit: string };

export interface PdfFile {
  /** As the pages link it, under the base path. */
  href: string;
  /** The checklist template (templates/checklists/<list>.yml). */
  list: string;
  /** What a link to it says: the plan's name (with the year), or the unit's. */
  label: string;
  subject: PdfSubject;
  /** Rows it lists, about: the build renders the long ones first. */
  rows: number;
}

export interface PdfSources {
  plans: Plan[];
  units: UnitIndex;
  progress: SiteProgress;
  templates: Templates;
}

/** The site's PDFs: its own lists (plan, year, unit, progress), then each list an office added. */
export function pdfFiles({ plans, units, progress, templates }: PdfSources): PdfFile[] {
  const withTasks = unitsWithTasks(units);
  const withProgress = progressUnits(units, progress);
  const files: PdfFile[] = [];
  const perPlan = (list: string, href: (id: string) => string, only = plans) => {
    for (const p of only) files.push({ href: href(p.id), list, label: p.name, subject: { kind: 'plan', plan: p.id }, rows: p.tasks.length });
  };
  const perYear = (list: string, href: (id: string, year: number) => string) => {
    for (const p of plans) {
      for (const year of planYears(p)) files.push({ href: href(p.id, year), list, label: `${p.name} ${year}年`, subject: { kind: 'year', plan: p.id, year }, rows: p.tasks.length / 3 });
    }
  };
  const perUnit = (list: string, href: (name: string) => string) => {
    for (const u of withTasks) files.push({ href: href(u.name), list, label: u.name, subject: { kind: 'unit', unit: u.name }, rows: u.tasks.length });
  };
  const progressLists = (list: string, planHref: (id: string) => string, unitHref: (name: string) => string) => {
    for (const { plan, items } of progress.plans) {
      files.push({ href: planHref(plan.id), list, label: plan.name, subject: { kind: 'plan-progress', plan: plan.id }, rows: items.length });
    }
    for (const u of withProgress) files.push({ href: unitHref(u.name), list, label: u.name, subject: { kind: 'unit-progress', unit: u.name }, rows: u.tasks.length });
  };

  perPlan('plan', planPdfHref);
  perYear('year', planYearPdfHref);
  perUnit('unit', unitPdfHref);
  progressLists('progress', progressPdfHref, unitProgressPdfHref);
  for (const [list, template] of addedChecklists(templates)) {
    if (template.kind === 'plan') perPlan(list, (id) => addedPdfHref(list, id));
    else if (template.kind === 'year') perYear(list, (id, year) => addedPdfHref(list, `${id}-${year}`));
    else if (template.kind === 'unit') perUnit(list, (name) => addedPdfHref(list, name, true));
    else progressLists(list, (id) => addedPdfHref(list, id), (name) => addedPdfHref(list, name, true));
  }
  return files;
}
