/** Data exports of the plan model: `plans.json`, `tasks.csv`, `tasks.xlsx`. */
export { toPlansJson, stringifyPlansJson } from './plans-json.ts';
export { toTasksCsv } from './tasks-csv.ts';
export { toTasksXlsx } from './tasks-xlsx.ts';
export { writeExports, EXPORT_FILES } from './write.ts';
export { writeFileAtomic } from './write-atomic.ts';
export { PlansExportSchema } from './schema.ts';
export type { PlansExport, ExportPlan, ExportTask } from './schema.ts';
export type { TaskTableOptions } from './task-rows.ts';
