/**
 * The templates staff can change without code (`templates/`), as zod
 * schemas: the single source of their types. Each file is read with
 * positions by `read.ts`; see the README's templates section for every key.
 */
import { z } from 'zod';

// ── templates/site.yml ─────────────────────────────────────────────────────

/** `/`, `/anquan/`, `/a/b/` (a missing slash at either end is added). */
const BasePath = z
  .string()
  .trim()
  .transform((s) => `/${s.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'))
  .refine((s) => /^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(s), {
    error: 'base 只能由字母、数字和 . _ ~ - 组成的路径段构成，如 /anquan/',
  });

export const SiteTemplateSchema = z.strictObject({
  /** Shown in every page's header and title. */
  name: z.string({ error: 'name（站点名称）应是一段文字' }).trim().min(1, 'name（站点名称）不能为空'),
  /** Where the site is published, without the base path; null: no canonical links, site-relative 链接. */
  url: z
    .url({ protocol: /^https?$/, error: 'url 应是 http:// 或 https:// 开头的完整网址，不设时写 null' })
    .transform((s) => s.replace(/\/+$/, ''))
    .refine((s) => !/\.example\.(?:org|com)$|\/\/example\.(?:org|com)/.test(s), { error: 'url 不能是示例网址；不知道时写 null' })
    .nullable()
    .default(null),
  /** The sub-path the site is served under: `/` or `/anquan/`. */
  base: BasePath.default('/'),
});
export type SiteTemplate = z.output<typeof SiteTemplateSchema>;

// ── templates/exports.yml ──────────────────────────────────────────────────

/** Every column a CSV/XLSX may have, with its default header. */
export const EXPORT_FIELDS = {
  id: '任务编号',
  plan: '方案',
  jurisdiction: '辖区',
  number: '序号',
  action: '行动',
  title: '任务',
  text: '内容',
  units: '责任单位',
  'lead-units': '牵头单位',
  'support-units': '配合单位',
  'responsible-units': '责任单位',
  deadline: '完成时限',
  'deadline-year': '截止年份',
  'deadline-explicit': '时限是否明确',
  recurrence: '周期',
  status: '最新状态',
  progress: '最新进展',
  link: '链接',
} as const;
export type ExportField = keyof typeof EXPORT_FIELDS;
const FIELD_NAMES = Object.keys(EXPORT_FIELDS) as [ExportField, ...ExportField[]];

export const ExportColumnSchema = z.strictObject({
  column: z.enum(FIELD_NAMES, { error: (iss) => `未知的列“${String(iss.input)}”；可用的列：${FIELD_NAMES.join('、')}` }),
  header: z.string().trim().min(1, 'header（表头）不能为空').optional(),
  /** Spreadsheet width in characters (a CJK character counts about two). */
  width: z.number().int().min(2).max(200).optional(),
});
export const ExportsTemplateSchema = z.strictObject({
  columns: z.array(ExportColumnSchema).min(1, 'columns 至少要有一列'),
});
export type ExportsTemplate = z.output<typeof ExportsTemplateSchema>;

// ── templates/checklists/*.yml ─────────────────────────────────────────────

/** What a checklist column prints. */
export const CHECKLIST_CONTENTS = {
  number: '序号',
  task: '任务',
  'lead-units': '牵头单位',
  'support-units': '配合单位',
  'responsible-units': '责任单位',
  units: '责任单位',
  deadline: '完成时限',
  status: '完成情况',
  /** kind: progress only: the word the site shows (已逾期 …) and the date it is taken as of. */
  'progress-status': '最新状态',
  /** kind: progress only: the latest 进展 text reported. */
  'progress-note': '最新进展',
  remarks: '备注',
  check: '',
} as const;
/** Column contents that need progress records, so only a `kind: progress` list has them. */
const PROGRESS_CONTENTS: readonly ChecklistContent[] = ['progress-status', 'progress-note'];
export type ChecklistContent = keyof typeof CHECKLIST_CONTENTS;
const CONTENT_NAMES = Object.keys(CHECKLIST_CONTENTS) as [ChecklistContent, ...ChecklistContent[]];

/** How much of a task the 任务 column prints. */
export const TASK_TEXTS = ['lead', 'lead-text', 'full'] as const;
/** The placeholders a title may use. */
export const TITLE_FIELDS = ['标题', '方案', '主题', '年度', '单位', '起止', '截至'] as const;

export const ChecklistColumnSchema = z
  .strictObject({
    content: z.enum(CONTENT_NAMES, { error: (iss) => `未知的列内容“${String(iss.input)}”；可用的有：${CONTENT_NAMES.join('、')}` }),
    label: z.string().optional(),
    /** Centimetres, or `auto` for the column that takes the rest of the width. */
    width: z.union([z.number().min(0.5, 'width 至少 0.5 厘米').max(28), z.literal('auto')], { error: 'width 应是厘米数（如 4.5）或 auto' }).default('auto'),
    /** 任务 column only: `lead` (the lead phrase), `lead-text` (lead phrase in bold + the text), `full` (the full text). */
    text: z.enum(TASK_TEXTS, { error: `text 只能是 ${TASK_TEXTS.join('、')}` }).optional(),
  })
  .refine((c) => c.text === undefined || c.content === 'task', { error: 'text 只用于 content: task 的列', path: ['text'] });

const titleFields = (s: string) => [...s.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);

export const ChecklistTemplateSchema = z
  .strictObject({
    /**
     * Which list it fills: every task of a plan, one year of a plan, one unit across plans, or
     * progress (季度进展情况表: per plan with progress records and per unit, with each task's latest status).
     */
    kind: z.enum(['plan', 'year', 'unit', 'progress'], { error: 'kind 只能是 plan（全部任务）、year（年度）、unit（单位）或 progress（进展情况表）' }),
    /** Title pattern: {标题} {方案} {主题} {年度} {单位} {起止} {截至}. */
    title: z.string().trim().min(1, 'title 不能为空'),
    paper: z.enum(['A4 纵向', 'A4 横向'], { error: 'paper 只能是“A4 纵向”或“A4 横向”' }).default('A4 纵向'),
    /** Lines to fill in under the title (填报单位 …), two to a row. */
    header: z.array(z.string().trim().min(1)).default([]),
    columns: z.array(ChecklistColumnSchema).min(2, 'columns 至少要有两列'),
    /** Lines under the table on the last page (签字、盖章 …). */
    footer: z.array(z.string().trim().min(1)).default([]),
  })
  .superRefine((t, ctx) => {
    for (const name of titleFields(t.title)) {
      if (!(TITLE_FIELDS as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['title'], message: `title 中有未知的占位符“{${name}}”；可用的有：${TITLE_FIELDS.map((f) => `{${f}}`).join('、')}` });
      }
    }
    if (t.kind !== 'year' && titleFields(t.title).includes('年度')) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: '只有 kind: year 的清单能用 {年度}' });
    }
    if (t.kind !== 'progress' && titleFields(t.title).includes('截至')) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: '只有 kind: progress 的清单能用 {截至}' });
    }
    t.columns.forEach((c, i) => {
      if (t.kind !== 'progress' && PROGRESS_CONTENTS.includes(c.content)) {
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'content'], message: `列“${c.content}”要用进展填报，只能用于 kind: progress 的清单` });
      }
    });
    if (t.kind === 'unit' && titleFields(t.title).some((f) => f === '标题' || f === '方案')) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'kind: unit 的清单跨多个方案，不能用 {标题} 或 {方案}' });
    }
    if (t.kind !== 'unit' && t.kind !== 'progress' && titleFields(t.title).includes('单位')) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: '只有 kind: unit 或 progress 的清单能用 {单位}' });
    }
    t.columns.forEach((c, i) => {
      if (c.content !== 'remarks' && t.columns.findIndex((o) => o.content === c.content) !== i) {
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'content'], message: `列“${c.content}”出现了两次` });
      }
    });
    const autos = t.columns.filter((c) => c.width === 'auto').length;
    if (autos > 1) ctx.addIssue({ code: 'custom', path: ['columns'], message: `只能有一列 width: auto（现有 ${autos} 列）` });
    const fixed = t.columns.reduce((sum, c) => sum + (c.width === 'auto' ? 0 : c.width), 0);
    const room = (t.paper === 'A4 横向' ? 29.7 : 21) - 2 * PAPER_MARGIN_CM;
    if (fixed + (autos > 0 ? 2 : 0) > room + 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: `各列宽度合计 ${fixed.toFixed(1)} 厘米，超过${t.paper}的版心宽度 ${room.toFixed(1)} 厘米${autos > 0 ? '（auto 列至少留 2 厘米）' : ''}` });
    }
  });
export type ChecklistTemplate = z.output<typeof ChecklistTemplateSchema>;
export type ChecklistColumn = ChecklistTemplate['columns'][number];

/** Left and right page margin of the checklists, in centimetres. */
export const PAPER_MARGIN_CM = 1.4;

export interface Templates {
  site: SiteTemplate;
  exports: ExportsTemplate;
  /** By name (the file's stem: plan, year, unit …). */
  checklists: Map<string, ChecklistTemplate>;
}
