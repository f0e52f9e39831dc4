/**
 * The printable task list, independent of where its rows came from:
 * `content.ts` builds it from the plan model, `layout.ts` places it on pages,
 * `render.ts` draws it with pdf-lib.
 */

export type RoleColumn = 'lead' | 'support' | 'responsible';

/** Where a row's text came from, so a build error can name it. */
export interface RowSource {
  file: string; // content/plans/<id>.md
  line: number;
  column: number;
  label: string; // 岳阳街道 任务 3
}

export interface ListRow {
  number: string; // 序号 as printed: 3
  lead: string; // bold lead phrase, may be empty
  text: string; // the rest; \n separates paragraphs
  full: string; // the whole text as written, for a column set to `text: full`
  units: string[]; // one line each: 区应急局（牵头）; empty → 未写明
  /** Units by table column: 牵头单位 and 配合单位 names, 责任单位 with its role (（负责）/（落实）); a unit only inferred is marked （推断）. */
  roles: Record<RoleColumn, string[]>;
  deadline: string; // 完成时限 as printed
  source: RowSource;
  /** The task's id, for looking up its progress; none for a row that is not one task (统筹牵头). */
  task?: string;
  /** Its latest progress, in a 进展情况表 only: the status word as the site shows it, the date, the 进展 text. */
  progress?: { status: string; asOf: string; note: string };
}

export interface ListSection {
  title: string; // printed as a spanning row and used as the bookmark title
  rows: ListRow[];
}

export interface TaskListDoc {
  /** The content file(s) the list comes from, for build errors. */
  origin: string;
  /** Title block, one entry a line group: the plan title, 文号, issuer. */
  title: string;
  docNumber: string | null;
  issuer: string | null;
  /** What this list covers: 2025年度任务清单. */
  covers: string;
  /** The values of a template title's placeholders: {标题} {方案} {主题} {年度} {单位} {起止} {截至}. */
  fields: Record<'标题' | '方案' | '主题' | '年度' | '单位' | '起止' | '截至', string>;
  /** A short line under it: 共 12 项 · 按行动分组. */
  summary: string;
  sections: ListSection[];
  /** PDF metadata. */
  subject: string;
  author: string;
  keywords: string[];
}
