/**
 * `tasks.xlsx`: the task table as an Excel workbook (sheet 任务) with a
 * second sheet 方案 listing the plans. The header row is bold and frozen,
 * long text wraps. This module is the only place that talks to exceljs.
 */
// exceljs (0.2 s to load) only when a workbook is written: the build's own process lists the files, the workers write them.
import type ExcelJS from 'exceljs';
import type { Plan } from '../model/schema.ts';
import { taskColumns, jurisdictionLabel, taskRows, type Column, type TaskTableOptions } from './task-rows.ts';
import { yearSpan } from '../model/vocabulary.ts';

const PLAN_COLUMNS: readonly Column[] = [
  { header: '方案编号', width: 14 },
  { header: '简称', width: 14 },
  { header: '方案', width: 50, wrap: true },
  { header: '辖区', width: 24 },
  { header: '层级', width: 8 },
  { header: '印发机关', width: 24, wrap: true },
  { header: '文号', width: 22 },
  { header: '印发日期', width: 12 },
  { header: '实施期', width: 12 },
  { header: '行动数', width: 8 },
  { header: '任务数', width: 8 },
];

export async function toTasksXlsx(plans: readonly Plan[], options: TaskTableOptions = {}): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'planbook';
  addSheet(workbook, '任务', taskColumns(options), taskRows(plans, options));
  addSheet(workbook, '方案', PLAN_COLUMNS, plans.map(planRow));
  try {
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  } catch (cause) {
    throw new Error('无法生成 tasks.xlsx', { cause });
  }
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly Column[],
  rows: readonly (string | number)[][],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    style: column.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
  }));
  sheet.addRows(rows.map((row) => [...row]));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: false };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function planRow(plan: Plan): (string | number)[] {
  return [
    plan.id,
    plan.name,
    plan.title,
    jurisdictionLabel(plan),
    plan.level,
    plan.issuer ?? '未注明',
    plan.docNumber ?? '未注明',
    plan.issuedOn ?? '未注明',
    yearSpan(...plan.period),
    plan.actions.length,
    plan.tasks.length,
  ];
}
