/** Every URL the site links to, in one place (see the site contract), under the base path (`templates/site.yml`). */
import { unitSlug } from '../derive/units.ts';
import { withBase } from './base.ts';
import { siteSettings } from './settings.ts';

export { withBase } from './base.ts';

export const homeHref = () => withBase('/');
/** Page `n` of the plan listing: the home page is page 1. */
export const plansPageHref = (n = 1) => withBase(n <= 1 ? '/' : `/plans/page/${n}/`);
export const planHref = (id: string) => withBase(`/plans/${id}/`);
export const taskHref = (id: string, n: number) => withBase(`/plans/${id}/tasks/${n}/`);
export const taskInPlanHref = (id: string, n: number) => withBase(`/plans/${id}/#task-${n}`);
export const paragraphInPlanHref = (id: string, line: number) => withBase(`/plans/${id}/#p-${line}`);
export const planDutiesHref = (id: string) => withBase(`/plans/${id}/#plan-duties`);
export const actionInPlanHref = (id: string, index: number) => withBase(`/plans/${id}/#action-${index}`);
/** Page `n` of the tasks due in `year`. */
export const yearHref = (year: number, n = 1) => withBase(n <= 1 ? `/years/${year}/` : `/years/${year}/${n}/`);
/** Page `n` of what a unit owes. */
export const unitPageHref = (name: string, n = 1) => withBase(encodeURI(n <= 1 ? `/units/${unitSlug(name)}/` : `/units/${unitSlug(name)}/${n}/`));
export const compareHref = (a?: string, b?: string) => withBase(a && b ? `/compare/${a}/${b}/` : '/compare/');
/** Page `n` of one topic row of the comparison (or the comparison itself). */
export const compareRowHref = (row?: string, n = 1) => withBase(row ? (n <= 1 ? `/compare/topics/${row}/` : `/compare/topics/${row}/${n}/`) : '/compare/');
/** Coverage, topic overlap and every two-plan table: what grows with the number of plans, off the first view. */
export const comparePlansHref = (n = 1) => withBase(n <= 1 ? '/compare/plans/' : `/compare/plans/page/${n}/`);
/** Page `n` of /data/: site-wide files on page 1, the per-plan PDF table on every page. */
export const dataHref = (n = 1) => withBase(n <= 1 ? '/data/' : `/data/plans/${n}/`);
export const searchHref = (q?: string) => withBase(q ? `/search/?q=${encodeURIComponent(q)}` : '/search/');

export const planPdfHref = (id: string) => withBase(`/pdf/${id}.pdf`);
export const planYearPdfHref = (id: string, year: number) => withBase(`/pdf/${id}-${year}.pdf`);
export const unitPdfHref = (name: string) => withBase(encodeURI(`/pdf/units/${unitSlug(name)}.pdf`));

/** A list of a checklist an office added: `file` is `<id>`, `<id>-<year>` or a unit name. */
export const addedPdfHref = (list: string, file: string, unit = false) =>
  withBase(unit ? encodeURI(`/pdf/${list}/units/${unitSlug(file)}.pdf`) : `/pdf/${list}/${file}.pdf`);

export const DATA_FILES = [
  { kind: 'plans-json', href: withBase('/data/plans.json'), label: '全部方案（JSON）', note: '方案、行动、任务、责任单位与时间节点的完整数据' },
  { kind: 'tasks-csv', href: withBase('/data/tasks.csv'), label: '任务清单（CSV）', note: '每行一项任务，UTF-8 编码' },
  { kind: 'tasks-xlsx', href: withBase('/data/tasks.xlsx'), label: '任务清单（Excel）', note: '每行一项任务，可直接筛选排序' },
  { kind: 'comparison-json', href: withBase('/data/comparison.json'), label: '方案对照（JSON）', note: '各方案对应任务的分组与相似度' },
] as const;

/** The full public URL of a site path (already under the base path) when templates/site.yml sets `url`, for print and copy; null otherwise. */
export function publicUrl(path: string): string | null {
  const { url } = siteSettings();
  return url ? new URL(path, `${url}/`).href : null;
}
