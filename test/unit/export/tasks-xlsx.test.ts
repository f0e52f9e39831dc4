import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { toTasksXlsx } from '../../../src/export/index.ts';
import { loadFixturePlans } from './fixture.ts';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

describe('toTasksXlsx', () => {
  const plans = loadFixturePlans();

  test('writes a workbook with a task sheet and a plan sheet', async () => {
    const workbook = await readBack(await toTasksXlsx(plans));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['任务', '方案']);
    expect(workbook.getWorksheet('任务')!.rowCount).toBe(1 + 4);
    expect(workbook.getWorksheet('方案')!.rowCount).toBe(1 + 2);
  });

  test('makes the header row bold and frozen', async () => {
    const sheet = (await readBack(await toTasksXlsx(plans))).getWorksheet('任务')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('任务编号');
    expect(sheet.getRow(1).getCell(15).value).toBe('链接');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('keeps text with line breaks whole and wraps it', async () => {
    const sheet = (await readBack(await toTasksXlsx(plans))).getWorksheet('任务')!;
    const cell = sheet.getRow(2).getCell(7);
    expect(cell.value).toBe(plans[0]!.tasks[0]!.text);
    expect(cell.alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(7).width).toBeGreaterThan(sheet.getColumn(4).width!);
  });

  test('stores numbers as numbers', async () => {
    const sheet = (await readBack(await toTasksXlsx(plans))).getWorksheet('任务')!;
    expect(sheet.getRow(3).getCell(4).value).toBe(2);
    expect(sheet.getRow(3).getCell(10).value).toBe(2024);
  });

  test('lists the plans with their counts and 未注明 for missing facts', async () => {
    const sheet = (await readBack(await toTasksXlsx(plans))).getWorksheet('方案')!;
    const yueyang = sheet.getRow(2).values as unknown[];
    expect(yueyang.slice(1)).toEqual([
      'yueyang', '岳阳街道', plans[0]!.title, '上海市松江区岳阳街道', '街道', '岳阳街道办事处',
      '松府岳办〔2024〕13号', '未注明', '2024—2026', 2, 3,
    ]);
  });
});
