/** The files `writeExports` writes, in this order (kept apart so the CLI can name them without loading exceljs). */
export const EXPORT_FILES = ['plans.json', 'tasks.csv', 'tasks.xlsx'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];
