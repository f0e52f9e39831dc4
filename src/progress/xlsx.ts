/**
 * The 进展填报表 workbook: one row per task, for staff to fill in Excel or
 * WPS and give back to `planbook progress import`. The 状态 column has a
 * drop-down list of the four statuses; the task columns are shaded to say
 * “do not edit”, and rows are read back by 任务编号, never by position.
 *
 * | 任务编号 | 序号 | 任务 | 单位 | 完成时限 | 状态 | 进展 | 证明材料 | 填报单位 | 填报日期 | 备注 |
 */
// exceljs (0.2 s to load) only when a workbook is written: the build's own process lists the files, the workers write them.
import type ExcelJS from 'exceljs';
import { unitsLabel } from '../export/task-rows.ts';
import { REPORTED_STATUSES } from '../model/progress.ts';
import type { Plan, Task } from '../model/schema.ts';
import { milestonePhrase, NOT_STATED, ONGOING } from '../model/vocabulary.ts';

export const SHEET = '进展填报';

/** The columns, in order; `key` names them for the reader, which finds them by header text. */
export const COLUMNS = [
  { key: 'task', header: '任务编号', width: 14, given: true },
  { key: 'number', header: '序号', width: 6, given: true },
  { key: 'title', header: '任务', width: 40, given: true },
  { key: 'units', header: '单位', width: 24, given: true },
  { key: 'deadline', header: '完成时限', width: 16, given: true },
  { key: 'status', header: '状态', width: 10, given: false },
  { key: 'progress', header: '进展', width: 40, given: false },
  { key: 'evidence', header: '证明材料', width: 24, given: false },
  { key: 'unit', header: '填报单位', width: 16, given: false },
  { key: 'date', header: '填报日期', width: 12, given: false },
  { key: 'note', header: '备注', width: 20, given: false },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Other headers the reader accepts for a column (a workbook made by hand, or tasks.xlsx with status columns added). */
export const HEADER_ALIASES: Partial<Record<ColumnKey, readonly string[]>> = {
  task: ['taskid', '任务id', '任务编码'],
  status: ['进展状态', '完成状态', '任务状态'],
  progress: ['进展情况', '工作进展', '完成情况', '进展说明'],
  evidence: ['佐证材料', '证明材料链接'],
  date: ['日期', '报送日期'],
};

export interface FormOptions {
  /** Shown in the title property of the workbook, e.g. `岳阳街道 任务进展填报表`. */
  title: string;
  /** Pre-filled into 填报单位 (a unit's own form). */
  unit?: string | undefined;
}

/** The workbook for the given tasks (one plan's, or one unit's across plans). */
export async function toProgressXlsx(tasks: ReadonlyArray<{ plan: Plan; task: Task }>, options: FormOptions): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'planbook';
  workbook.title = options.title;
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  for (const { plan, task } of tasks) {
    const phrases = [...new Set(task.milestones.map(milestonePhrase))];
    sheet.addRow({
      task: task.id,
      number: tasks.some((t) => t.plan.id !== plan.id) ? `${plan.name} ${task.label}` : task.label,
      title: task.title,
      units: unitsLabel(task.units),
      deadline: phrases.length > 0 ? phrases.join('；') : task.ongoing ? ONGOING : NOT_STATED,
      unit: options.unit ?? '',
    });
  }
  const statusColumn = COLUMNS.findIndex((c) => c.key === 'status') + 1;
  const given = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } } as const;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    COLUMNS.forEach((c, i) => { if (c.given) row.getCell(i + 1).fill = given; });
    row.getCell(statusColumn).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${REPORTED_STATUSES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '状态',
      error: `请从列表中选择：${REPORTED_STATUSES.join('、')}`,
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  try {
    return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  } catch (cause) {
    throw new Error('无法生成进展填报表', { cause });
  }
}
