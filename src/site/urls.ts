/** Every URL the site links to, in one place (see the site contract). */
import { unitSlug } from '../derive/units.ts';

export const planHref = (id: string) => `/plans/${id}/`;
export const taskHref = (id: string, n: number) => `/plans/${id}/tasks/${n}/`;
export const taskInPlanHref = (id: string, n: number) => `/plans/${id}/#task-${n}`;
export const paragraphInPlanHref = (id: string, line: number) => `/plans/${id}/#p-${line}`;
export const planDutiesHref = (id: string) => `/plans/${id}/#plan-duties`;
export const actionInPlanHref = (id: string, index: number) => `/plans/${id}/#action-${index}`;
export const yearHref = (year: number) => `/years/${year}/`;
export const unitPageHref = (name: string) => encodeURI(`/units/${unitSlug(name)}/`);
export const compareHref = (a?: string, b?: string) => (a && b ? `/compare/${a}/${b}/` : '/compare/');
/** The page of one topic row of the comparison (or the comparison itself). */
export const compareRowHref = (row?: string) => (row ? `/compare/topics/${row}/` : '/compare/');
/** Coverage, topic overlap and every two-plan table: what grows with the number of plans, off the first view. */
export const comparePlansHref = () => '/compare/plans/';
export const searchHref = (q?: string) => (q ? `/search/?q=${encodeURIComponent(q)}` : '/search/');

export const planPdfHref = (id: string) => `/pdf/${id}.pdf`;
export const planYearPdfHref = (id: string, year: number) => `/pdf/${id}-${year}.pdf`;
export const unitPdfHref = (name: string) => encodeURI(`/pdf/units/${unitSlug(name)}.pdf`);

export const DATA_FILES = [
  { href: '/data/plans.json', label: '全部方案（JSON）', note: '方案、行动、任务、责任单位与时间节点的完整数据' },
  { href: '/data/tasks.csv', label: '任务清单（CSV）', note: '每行一项任务，UTF-8 编码' },
  { href: '/data/tasks.xlsx', label: '任务清单（Excel）', note: '每行一项任务，可直接筛选排序' },
  { href: '/data/comparison.json', label: '方案对照（JSON）', note: '各方案对应任务的分组与相似度' },
] as const;

/** The full public URL of a site path when the site has one (PLANBOOK_SITE), for print and copy; null otherwise. */
export const publicUrl = (path: string): string | null =>
  process.env.PLANBOOK_SITE ? new URL(path, process.env.PLANBOOK_SITE).href : null;
