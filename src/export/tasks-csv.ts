/**
 * `tasks.csv`: the task table as RFC 4180 CSV that spreadsheet programs open
 * without an import dialog: UTF-8 with a byte order mark (so Excel reads the
 * Chinese correctly), CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break.
 */
import type { Plan } from '../model/schema.ts';
import { TASK_COLUMNS, taskRows, type Cell, type TaskTableOptions } from './task-rows.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';

export function toTasksCsv(plans: readonly Plan[], options: TaskTableOptions = {}): string {
  const header = TASK_COLUMNS.map((column) => column.header);
  const lines = [header, ...taskRows(plans, options)].map((row) => row.map(csvField).join(','));
  return BOM + lines.map((line) => line + CRLF).join('');
}

function csvField(cell: Cell): string {
  // A spreadsheet runs text starting with = + - @ as a formula; a leading ' keeps it text.
  const safe = typeof cell === 'string' && /^[=+\-@]/.test(cell) ? `'${cell}` : String(cell);
  // Line breaks inside a field become CRLF too, as RFC 4180 reads them.
  const text = safe.replace(/\r?\n/g, CRLF);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
