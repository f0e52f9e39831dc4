/**
 * Read a filled 进展填报表 back into progress entries. Rows are matched by
 * 任务编号 (never by position) and columns by their header text, so sorted,
 * filtered or re-ordered sheets read the same. Every problem is a message at
 * its cell:
 *
 * ```text
 * 岳阳.xlsx:进展填报!A12: 错误 没有任务 yueyang-99 (progress-unknown-task)
 * 岳阳.xlsx:进展填报!F14: 错误 状态为空，但这一行填写了进展 (progress-status)
 * ```
 * A row whose fill-in cells are all empty is a task not reported this time:
 * skipped, and counted. Pure apart from exceljs parsing the bytes.
 */
import ExcelJS from 'exceljs';
import { RULES, type RuleId } from '../check/rules.ts';
import { IsoDateSchema, REPORTED_STATUSES, ReportedStatusSchema, type ProgressEntry } from '../model/progress.ts';
import type { Message, Plan } from '../model/schema.ts';
import { COLUMNS, HEADER_ALIASES, type ColumnKey } from './xlsx.ts';
import { yearSpan } from '../model/vocabulary.ts';

export interface ReadForm {
  /** Entries by plan id; empty when there is any error. */
  entries: Map<string, ProgressEntry[]>;
  /** Task rows left empty (not reported this time). */
  skipped: number;
  messages: Message[];
}

const REQUIRED: readonly ColumnKey[] = ['task', 'status'];
const FILLED: readonly ColumnKey[] = ['status', 'progress', 'evidence', 'unit', 'date', 'note'];

export async function readProgressXlsx(bytes: Uint8Array, file: string, plans: readonly Plan[], asOf: string): Promise<ReadForm> {
  const messages: Message[] = [];
  const report = (rule: RuleId, message: string, at: { sheet?: string; row?: number; col?: number } = {}) => {
    const { severity, hint } = RULES[rule];
    const cell = at.sheet ? `${at.sheet}!${at.col ? columnLetter(at.col) : 'A'}${at.row ?? 1}` : undefined;
    messages.push({ file, line: at.row ?? 1, column: at.col ?? 1, severity, rule, message, hint, ...(cell ? { at: cell } : {}) });
  };
  const none = { entries: new Map<string, ProgressEntry[]>(), skipped: 0, messages };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    report('progress-xlsx-unreadable', '文件不是有效的 .xlsx 工作簿（可能是 .xls、.et 或已损坏）。');
    return none;
  }
  const found = findSheet(workbook);
  if (!found) {
    const first = workbook.worksheets[0];
    report('progress-xlsx-columns', '找不到表头含“任务编号”的工作表。', first ? { sheet: first.name, row: 1, col: 1 } : {});
    return none;
  }
  const { sheet, headerRow, columns } = found;
  const missing = REQUIRED.filter((k) => !columns.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => COLUMNS.find((c) => c.key === k)!.header);
    report('progress-xlsx-columns', `表头缺少列：${names.join('、')}。`, { sheet: sheet.name, row: headerRow, col: 1 });
    return none;
  }
  const tasks = new Map(plans.flatMap((p) => p.tasks.map((t) => [t.id, p] as const)));
  const seen = new Map<string, number>();
  const entries = new Map<string, ProgressEntry[]>();
  let skipped = 0;
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const text = (key: ColumnKey) => (columns.has(key) ? cellText(row.getCell(columns.get(key)!)) : '');
    const at = (key: ColumnKey) => ({ sheet: sheet.name, row: r, col: columns.get(key)! });
    const task = text('task');
    // A pre-filled 填报单位 alone (a unit's own form) does not make a row reported.
    const filled = FILLED.filter((k) => k !== 'unit' && text(k) !== '');
    if (task === '') {
      if (filled.length > 0) report('progress-task-id', '这一行填写了内容，但没有任务编号。', at('task'));
      continue;
    }
    const plan = tasks.get(task);
    if (!plan) {
      report(/^[a-z0-9][a-z0-9-]*-\d+$/.test(task) ? 'progress-unknown-task' : 'progress-task-id', `没有任务 ${task}。`, at('task'));
      continue;
    }
    if (seen.has(task)) {
      report('progress-xlsx-repeated', `任务 ${task} 已在第 ${seen.get(task)} 行填报过。`, at('task'));
      continue;
    }
    seen.set(task, r);
    if (filled.length === 0) {
      skipped += 1;
      continue;
    }
    const statusText = text('status');
    const status = ReportedStatusSchema.safeParse(statusText);
    if (!status.success) {
      const message = statusText === '' ? `状态为空，但这一行填写了${filled.map(header).join('、')}。`
        : statusText === '已逾期' ? '“已逾期”由完成时限和填报日期推算，不能直接填写。'
        : `状态“${statusText}”不在 ${REPORTED_STATUSES.join('、')} 之中。`;
      report('progress-status', message, at('status'));
    }
    const date = text('date') === '' ? asOf : cellDate(row.getCell(columns.get('date')!).value);
    const [from, to] = [`${plan.period[0]}-01-01`, `${plan.period[1]}-12-31`];
    if (date === null) report('progress-date', `填报日期“${text('date')}”不是有效日期。`, at('date'));
    else if (date < from || date > to) report('progress-date-outside', `填报日期 ${date} 不在方案实施期 ${yearSpan(...plan.period)} 年之内。`, at('date'));
    else if (date > asOf) report('progress-date', `填报日期 ${date} 晚于 --as-of ${asOf}。`, at('date'));
    if (!status.success || date === null) continue;
    const entry: ProgressEntry = {
      task, date, status: status.data,
      progress: text('progress'),
      unit: text('unit') || null,
      evidence: text('evidence').split(/[\n；;]+/u).map((s) => s.trim()).filter(Boolean),
      note: text('note') || null,
      place: { line: r, column: 1 },
    };
    entries.set(plan.id, [...(entries.get(plan.id) ?? []), entry]);
  }
  const failed = messages.some((m) => m.severity === 'error');
  return { entries: failed ? new Map() : entries, skipped, messages };
}

function header(key: ColumnKey): string {
  return COLUMNS.find((c) => c.key === key)!.header;
}

/** The first sheet with a 任务编号 header in its first five rows, and where each known column is. */
function findSheet(workbook: ExcelJS.Workbook) {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(5, sheet.rowCount); r += 1) {
      const columns = new Map<ColumnKey, number>();
      sheet.getRow(r).eachCell((cell, col) => {
        const text = cellText(cell).replace(/\s+/gu, '').toLowerCase();
        const column = COLUMNS.find((c) => c.header === text || HEADER_ALIASES[c.key]?.includes(text));
        if (column && !columns.has(column.key)) columns.set(column.key, col);
      });
      if (columns.has('task')) return { sheet, headerRow: r, columns };
    }
  }
  return null;
}

/** A cell's text as shown: rich text joined, a hyperlink's address when its text is not one, a formula's result. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value == null) return '';
  if (typeof value === 'object' && 'hyperlink' in value && typeof value.hyperlink === 'string') {
    const shown = typeof value.text === 'string' ? value.text : '';
    return (/^https?:/u.test(shown) ? shown : value.hyperlink).trim();
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('').trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return String(value).trim();
}

/** An Excel date cell, a serial number, or text such as 2025-03-31, 2025/3/31, 2025.3.31, 2025年3月31日. */
function cellDate(value: ExcelJS.CellValue): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && value > 20000 && value < 80000) {
    return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86400000).toISOString().slice(0, 10);
  }
  const text = typeof value === 'string' ? value.trim() : '';
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(text);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return IsoDateSchema.safeParse(iso).success ? iso : null;
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
