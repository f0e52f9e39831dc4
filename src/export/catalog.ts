/**
 * Every data file of the site, in one list: the downloads of /data/ (plans
 * JSON, tasks CSV and Excel, the comparison JSON), each plan's and each
 * unit's deadline calendar (.ics) and empty 进展填报表 (.xlsx). Their URLs
 * are the `…Href` the pages link (src/site/urls.ts, src/progress/urls.ts).
 * The build's files step (src/build/files.ts) writes exactly these, outside
 * Astro's page loop; `renderDataFile` renders one.
 */
import { alignPlans } from '../align/index.ts';
import { comparisonJson } from '../align/export.ts';
import { readCurated } from '../align/read-curated.ts';
import type { Alignment } from '../align/types.ts';
import { planCalendar, unitCalendar } from '../calendar/feeds.ts';
import type { PdfSources } from '../pdf/catalog.ts';
import { formTasks } from '../progress/forms.ts';
import { planCalendarHref, progressFormHref, unitCalendarHref, unitProgressFormHref } from '../progress/urls.ts';
import { statusOf } from '../progress/view.ts';
import { toProgressXlsx } from '../progress/xlsx.ts';
import { DATA_FILES } from '../site/urls.ts';
import type { Templates } from '../templates/schema.ts';
import { exportOptions } from '../site/templates.ts';
import { stringifyPlansJson } from './plans-json.ts';
import { toTasksCsv } from './tasks-csv.ts';
import { toTasksXlsx } from './tasks-xlsx.ts';

export type DataSubject =
  | { kind: 'plans-json' }
  | { kind: 'tasks-csv' }
  | { kind: 'tasks-xlsx' }
  | { kind: 'comparison-json' }
  | { kind: 'plan-calendar'; plan: string }
  | { kind: 'unit-calendar'; unit: string }
  | { kind: 'plan-form'; plan: string }
  | { kind: 'unit-form'; unit: string };

export interface DataFile {
  /** As the pages link it, under the base path. */
  href: string;
  subject: DataSubject;
}

/** What the site's files are drawn from (the PDFs' sources), and the build's alignment. */
export interface DataSources extends PdfSources {
  /** The build's alignment of these plans, when it has one; else comparison.json aligns them. */
  alignment?: Alignment | undefined;
}

/** The site's data files: the four downloads of /data/ first (the slowest to write), then per plan and per unit. */
export function dataFiles({ plans, units }: Pick<DataSources, 'plans' | 'units'>): DataFile[] {
  const files: DataFile[] = DATA_FILES.map((d) => ({ href: d.href, subject: { kind: d.kind } }));
  for (const p of plans) {
    files.push({ href: planCalendarHref(p.id), subject: { kind: 'plan-calendar', plan: p.id } });
    files.push({ href: progressFormHref(p.id), subject: { kind: 'plan-form', plan: p.id } });
  }
  for (const u of units.units) {
    files.push({ href: unitCalendarHref(u.name), subject: { kind: 'unit-calendar', unit: u.name } });
    files.push({ href: unitProgressFormHref(u.name), subject: { kind: 'unit-form', unit: u.name } });
  }
  return files;
}

/** The site's public root (`https://…/base/`) for the links a calendar carries, or null without a public URL. */
export function siteRoot(templates: Templates): string | null {
  const { url, base } = templates.site;
  return url ? new URL(base, `${url.replace(/\/+$/, '')}/`).href : null;
}

/** The bytes of one data file. */
export async function renderDataFile(subject: DataSubject, { plans, progress, templates, alignment }: DataSources): Promise<Uint8Array | string> {
  const table = () => ({ ...exportOptions(templates), status: statusOf(progress) });
  const plan = (id: string) => {
    const found = plans.find((p) => p.id === id);
    if (!found) throw new Error(`没有方案 ${id}`);
    return found;
  };
  switch (subject.kind) {
    case 'plans-json':
      return stringifyPlansJson(plans);
    case 'tasks-csv':
      return toTasksCsv(plans, table());
    case 'tasks-xlsx':
      return toTasksXlsx(plans, table());
    case 'comparison-json':
      return comparisonJson(alignment ?? alignPlans(plans, await readCurated()));
    case 'plan-calendar':
      return planCalendar(plan(subject.plan), plans, siteRoot(templates));
    case 'unit-calendar':
      return unitCalendar(subject.unit, plans, siteRoot(templates));
    case 'plan-form': {
      const form = formTasks(plans, { plan: subject.plan });
      return toProgressXlsx(form.tasks, { title: form.title });
    }
    case 'unit-form': {
      const form = formTasks(plans, { unit: subject.unit });
      return toProgressXlsx(form.tasks, { title: form.title, unit: subject.unit });
    }
  }
}
