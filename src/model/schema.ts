/**
 * The plan model: the single source of the project's types.
 *
 * Data flows one way: raw text → (import) → Markdown in `content/plans/` →
 * (parse) → these types → pages, search records, PDFs, exports, comparison.
 * Everything downstream of the parser takes these types and never re-reads
 * Markdown.
 */
import { z } from 'zod';

/** Plan ids are the content file names: lowercase ASCII, digits, dashes. */
export const PlanIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/** YAML front matter of `content/plans/<id>.md`. Unknown keys are an error. */
export const FrontMatterSchema = z
  .object({
    id: PlanIdSchema,
    name: z.string().min(1), // short name: 岳阳街道
    title: z.string().min(1), // full plan title
    jurisdiction: z.array(z.string().min(1)).min(1), // province → … → level: [上海市, 松江区, 岳阳街道]
    level: z.string().min(1), // 街道 | 镇 | 区 | 县级市 …
    issuer: z.string().min(1).nullable(),
    docNumber: z.string().min(1).nullable(), // 松府岳办〔2024〕13号
    issuedOn: z.iso.date().nullable(), // null when the text does not state it
    period: z.tuple([z.number().int(), z.number().int()]),
  })
  .strict();
export type FrontMatter = z.output<typeof FrontMatterSchema>;

/** Where a thing stands in its source file (1-based, as vfile/unist). */
export const PlaceSchema = z.object({ line: z.number().int(), column: z.number().int() });
export type Place = z.output<typeof PlaceSchema>;

export const UnitRoleSchema = z.enum(['lead', 'support', 'implement', 'responsible']);
export type UnitRole = z.output<typeof UnitRoleSchema>;

export const UnitSchema = z.object({
  name: z.string().min(1), // one unit: 市应急管理局
  role: UnitRoleSchema, // 牵头 → lead, 参与/配合 → support, 具体落实 → implement, 负责 → responsible
  source: z.enum(['stated', 'inferred']),
  clause: z.string(), // the sentences of the task this unit is attached to
  /** How the unit was found: the parenthesis or phrase it came from, or how it was inferred. */
  basis: z.string(),
});
export type Unit = z.output<typeof UnitSchema>;

export const MilestoneSchema = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12).nullable(),
  qualifier: z.string(), // 底前 | 前 | 年内 | 年 …
  text: z.string(), // the clause the deadline governs
  phrase: z.string(), // the deadline phrase as written: 2024年6月底前
  /** The day of the month, when the phrase states one: 2024年6月15日前 → 15. */
  day: z.number().int().min(1).max(31).optional(),
  /** The ten-day part or the occasions the phrase names instead of a day: 上旬 · 上中旬 · 中旬 · 中下旬 · 下旬 · 春节 · 元旦 · 国庆 · 五一 · 清明 · 端午 · 中秋 · 汛期 · 主汛期 · 汛前 · 两节 · 双节, several joined by `、` (元旦、春节). */
  occasion: z.string().optional(),
  /**
   * Present when the phrase writes no year (`9月底前`) and the year was
   * found otherwise: `preceding`, from a date earlier in the same passage
   * (`2025年3月底前完成排查，9月底前完成整改`); `plan`, from the one year a
   * plan covers (a 2025年工作要点). Pages show how (`milestonePhrase`).
   */
  inferredYear: z.enum(['preceding', 'plan']).optional(),
});
export type Milestone = z.output<typeof MilestoneSchema>;

/** A span of years stated as a period (三年内, 2024年至2026年期间): not a deadline. */
export const PeriodSchema = z.object({ from: z.number().int(), to: z.number().int(), text: z.string() });
export type Period = z.output<typeof PeriodSchema>;

export const RecurrenceSchema = z.enum(['每月', '每季度', '每半年', '每年']);
export type Recurrence = z.output<typeof RecurrenceSchema>;

export const TaskSchema = z.object({
  id: z.string(), // `${plan}-${number}`
  plan: PlanIdSchema,
  /** Unique within the plan: the number as written, or the running number when numbering restarts per action. */
  number: z.number().int().positive(),
  /** The number as the document writes it: `7`, or `（二）3` when numbering restarts in each action. */
  label: z.string(),
  action: z.number().int().positive().nullable(), // 1-based index into plan.actions; null in a plan without actions
  title: z.string(), // lead phrase, without its closing punctuation
  /** marked: `**…**` in the Markdown; sentence/clause: inferred from the first sentence/clause. */
  titleSource: z.enum(['marked', 'sentence', 'clause']),
  text: z.string(), // the full action text, paragraphs joined with \n
  paragraphs: z.array(z.string()).min(1),
  units: z.array(UnitSchema),
  milestones: z.array(MilestoneSchema),
  periods: z.array(PeriodSchema),
  deadlineYear: z.number().int(),
  deadlineExplicit: z.boolean(),
  /**
   * Present and true when the task's 完成时限 label or time column says the
   * work goes on (长期坚持, 持续推进, 常态化) instead of giving a year: pages
   * say 长期/持续 rather than a year. deadlineYear is then the plan's end
   * year (for sorting) and deadlineExplicit false. Absent otherwise.
   */
  ongoing: z.boolean().optional(),
  recurrence: z.array(RecurrenceSchema),
  url: z.string(), // /plans/<plan>/tasks/<number>/
  place: PlaceSchema,
});
export type Task = z.output<typeof TaskSchema>;

export const ActionSchema = z.object({
  index: z.number().int().positive(), // 1-based, in document order
  series: z.string().nullable(), // 常态化行动 / 专项化行动 when a plan numbers two runs separately
  ordinal: z.string(), // （一）, 一、 for a section that holds tasks itself, empty for a group of a task table
  title: z.string(), // 开展安全生产责任落实提升行动
  tasks: z.array(z.number().int()), // task numbers
  place: PlaceSchema,
});
export type Action = z.output<typeof ActionSchema>;

/** The document in reading order, so pages can show every sentence. */
export const BlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), depth: z.number().int(), text: z.string(), place: PlaceSchema }),
  z.object({ kind: z.literal('paragraph'), text: z.string(), place: PlaceSchema }),
  z.object({ kind: z.literal('action'), index: z.number().int(), place: PlaceSchema }),
  z.object({ kind: z.literal('task'), number: z.number().int(), place: PlaceSchema }),
  z.object({ kind: z.literal('table'), rows: z.array(z.array(z.string())), place: PlaceSchema }),
]);
export type Block = z.output<typeof BlockSchema>;

export const PlanSchema = FrontMatterSchema.extend({
  path: z.string(), // content/plans/<id>.md
  cover: z.array(BlockSchema), // the covering notice, before the plan's own `#` title
  body: z.array(BlockSchema), // the plan from its `#` title on
  actions: z.array(ActionSchema),
  tasks: z.array(TaskSchema),
  /** The unit the plan names as leading the whole effort, if any (shown apart, never copied onto tasks). */
  lead: z.object({ name: z.string(), text: z.string() }).nullable(),
}).strict();
export type Plan = z.output<typeof PlanSchema>;

export const MessageSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  severity: z.enum(['error', 'warning']),
  rule: z.string(), // stable id: task-number-gap, unknown-front-matter-key …
  message: z.string(), // what happened (Chinese, as users read it)
  hint: z.string(), // what to do
  at: z.string().optional(), // where in a Word or PDF source: `第3页第12行`, `第42段` (line/column are in its decoded text)
});
export type Message = z.output<typeof MessageSchema>;

export interface ParseResult {
  plan: Plan | null; // null only when no model can be built at all
  messages: Message[];
}
