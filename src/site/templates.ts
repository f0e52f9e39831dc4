/**
 * The templates for the pages and endpoints of one build, read once. The
 * build's project check has reported any problem with its position before
 * Astro runs; a template that still fails here is an exception.
 */
import { formatMessage } from '../check/format.ts';
import type { TaskTableOptions } from '../export/task-rows.ts';
import { loadTemplates } from '../templates/load.ts';
import type { ChecklistTemplate, Templates } from '../templates/schema.ts';

let loaded: Promise<Templates> | undefined;

export function getTemplates(root = process.cwd()): Promise<Templates> {
  loaded ??= loadTemplates(root).then(({ templates, messages }) => {
    if (!templates) throw new Error(messages.map(formatMessage).join('\n'));
    return templates;
  });
  return loaded;
}

/** The CSV/XLSX columns, and 链接 as the public URL (when set) with the base path. */
export function exportOptions(templates: Templates): TaskTableOptions {
  const base = templates.site.base.replace(/\/$/, '');
  return { siteUrl: `${templates.site.url ?? ''}${base}`, columns: templates.exports.columns };
}

/** The site's three lists are plan.yml, year.yml and unit.yml; any other checklist an office added, by name. */
export function addedChecklists(templates: Templates): Array<[string, ChecklistTemplate]> {
  return [...templates.checklists].filter(([name]) => !['plan', 'year', 'unit', 'progress'].includes(name));
}
