/**
 * The shape of `plans.json`, the data export other tools read.
 *
 * It is the plan model minus what only the site needs (source positions,
 * the document's blocks, how units and titles were found). Keys keep this
 * order in the file, so diffs between exports stay readable.
 */
import { z } from 'zod';
import { MilestoneSchema, RecurrenceSchema, UnitSchema } from '../model/schema.ts';

export const ExportActionSchema = z
  .object({
    index: z.number().int().positive(),
    series: z.string().nullable(),
    ordinal: z.string(),
    title: z.string(),
    tasks: z.array(z.number().int()),
  })
  .strict();

export const ExportPlanSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    jurisdiction: z.array(z.string()),
    level: z.string(),
    issuer: z.string().nullable(),
    docNumber: z.string().nullable(),
    issuedOn: z.string().nullable(),
    period: z.tuple([z.number().int(), z.number().int()]),
    actions: z.array(ExportActionSchema),
  })
  .strict();

export const ExportUnitSchema = UnitSchema.pick({ name: true, role: true, source: true, clause: true }).strict();

export const ExportMilestoneSchema = MilestoneSchema.pick({
  year: true,
  month: true,
  qualifier: true,
})
  .extend({
    /** The due day (src/progress/deadlines.ts): null for a start (起) and for a date the text does not fix (汛期前). */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    /** How the year was found when the text writes none (`9月底前`): preceding (an earlier date of the passage) or plan (a one-year plan); null when written. */
    inferredYear: z.enum(['preceding', 'plan']).nullable(),
    text: MilestoneSchema.shape.text,
  })
  .strict();

export const ExportTaskSchema = z
  .object({
    id: z.string(),
    plan: z.string(),
    number: z.number().int().positive(),
    action: z.number().int().positive().nullable(),
    title: z.string(),
    text: z.string(),
    units: z.array(ExportUnitSchema),
    milestones: z.array(ExportMilestoneSchema),
    deadlineYear: z.number().int(),
    deadlineExplicit: z.boolean(),
    recurrence: z.array(RecurrenceSchema),
    url: z.string(),
  })
  .strict();

export const PlansExportSchema = z
  .object({ plans: z.array(ExportPlanSchema), tasks: z.array(ExportTaskSchema) })
  .strict();

export type ExportPlan = z.output<typeof ExportPlanSchema>;
export type ExportTask = z.output<typeof ExportTaskSchema>;
export type PlansExport = z.output<typeof PlansExportSchema>;
