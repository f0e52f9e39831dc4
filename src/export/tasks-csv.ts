/**
 * `tasks.csv`: the task table as RFC 4180 CSV that spreadsheet programs open
 * without an import dialog: UTF-8 with a byte order mark (so Excel reads the
 * Chinese correctly), CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break.
 */
import type { Plan } from '../model/schema.ts';
import { taskColumns, taskRows, type Cell, type TaskTableOptions } from './task-rows.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/**
 * A spreadsheet may run text starting with = + - @ (or their full-width
 * forms, which some convert on input), TAB or CR as a formula; a leading '
 * keeps it text (OWASP's CSV injection advice).
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function toTasksCsv(plans: readonly Plan[], options: TaskTableOptions = {}): string {
  const header = taskColumns(options).map((column) => column.header);
  const lines = [header, ...taskRows(plans, options)].map((row) => row.map(csvField).join(','));
  return BOM + lines.map((line) => line + CRLF).join('');
}

function csvField(cell: Cell): string {
  const safe = typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : String(cell);
  // Line breaks inside a field become CRLF too, as RFC 4180 reads them.
  const text = safe.replace(/\r?\n/g, CRLF);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
