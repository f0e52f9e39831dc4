/**
 * Progress records: what each task has achieved, as reported on a date.
 * The single source of the progress types (`content/progress/<plan>.yml`,
 * the 进展填报表 workbook, the site and the calendars all use these).
 *
 * 已逾期 is never typed: it is derived from a task's stated deadline and the
 * report date (`src/progress/derive.ts`).
 */
import { z } from 'zod';
import { PlaceSchema, PlanIdSchema } from './schema.ts';

/** The statuses staff may report, in the order of the drop-down list. */
export const REPORTED_STATUSES = ['未启动', '推进中', '已完成', '不适用'] as const;
export const ReportedStatusSchema = z.enum(REPORTED_STATUSES);
export type ReportedStatus = z.output<typeof ReportedStatusSchema>;

/** What the pages show: a reported status, 已逾期 (derived), or 未填报 (no report yet). */
export type ShownStatus = ReportedStatus | '已逾期' | '未填报';

/** An ISO calendar date, `2025-03-31`, that exists (no 2025-02-30). */
export const IsoDateSchema = z.iso.date();

/** One report on one task: a line of the 台账. */
export const ProgressEntrySchema = z.object({
  task: z.string().regex(/^[a-z0-9][a-z0-9-]*-\d+$/), // task id: yueyang-7
  date: IsoDateSchema, // the report date (填报日期)
  status: ReportedStatusSchema,
  progress: z.string(), // 进展: a short text, may be empty
  unit: z.string().nullable(), // 填报单位, null when not given
  evidence: z.array(z.string().min(1)), // 证明材料: links or document names
  note: z.string().nullable(), // why a status changed back, or any remark (备注)
  place: PlaceSchema, // where the entry starts in its file
});
export type ProgressEntry = z.output<typeof ProgressEntrySchema>;

/** `content/progress/<plan>.yml` once read. */
export const ProgressFileSchema = z.object({
  plan: PlanIdSchema,
  /** The date the reports are taken as of (`--as-of` of the last import); null: the latest report date. */
  asOf: IsoDateSchema.nullable(),
  entries: z.array(ProgressEntrySchema),
  path: z.string(),
  /** The file's leading comment says it holds sample data (`示例数据`): pages say so on every view. */
  sample: z.boolean(),
});
export type ProgressFile = z.output<typeof ProgressFileSchema>;

/** The keys an entry may have in YAML, in the order files are written. */
export const ENTRY_KEYS = ['task', 'date', 'status', 'progress', 'unit', 'evidence', 'note'] as const;
/** The word in a file's leading comment that marks invented sample data. */
export const SAMPLE_MARK = '示例数据';

/** The top-level keys of a progress file. */
export const FILE_KEYS = ['plan', 'asOf', 'reports'] as const;
