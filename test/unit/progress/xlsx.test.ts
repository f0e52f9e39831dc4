import { mkdir, mkdtemp, readFile, readdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadDeps } from '../../../src/cli/deps.ts';
import { runCli } from '../../../src/cli/main.ts';
import { readProgress } from '../../../src/progress/read.ts';

const root = resolve(import.meta.dirname, '../../..');

/** A project folder with the five plans and the sample progress files. */
async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'planbook-progress-'));
  await cp(join(root, 'content/plans'), join(dir, 'content/plans'), { recursive: true });
  await cp(join(root, 'content/progress'), join(dir, 'content/progress'), { recursive: true });
  return dir;
}

async function planbook(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, loadDeps, { cwd, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Open a workbook as staff would, change cells, save it. */
async function edit(path: string, change: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  change(workbook.getWorksheet('进展填报')!);
  await workbook.xlsx.writeFile(path);
}

/** The row of a task id in column A (rows are found by id, as the importer does). */
const rowOf = (sheet: ExcelJS.Worksheet, id: string) => {
  for (let r = 2; r <= sheet.rowCount; r += 1) if (sheet.getCell(`A${r}`).text === id) return r;
  throw new Error(`${id} not in sheet`);
};

let cwd: string;
beforeAll(async () => {
  cwd = await project();
});

describe('进展填报表', () => {
  test('lists every task of a plan with a status drop-down and the header the importer reads', async () => {
    const form = await planbook(cwd, 'progress', 'form', '--plan', 'yueyang', '--out', 'yueyang.xlsx');
    expect(form).toMatchObject({ code: 0, stdout: '已写出 yueyang.xlsx：35 项任务' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(cwd, 'yueyang.xlsx'));
    const sheet = workbook.getWorksheet('进展填报')!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['任务编号', '序号', '任务', '单位', '完成时限', '状态', '进展', '证明材料', '填报单位', '填报日期', '备注']);
    expect(sheet.rowCount).toBe(36);
    expect(sheet.getCell('A2').text).toBe('yueyang-1');
    expect(sheet.getCell('F36').dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成,不适用"'] });
  });

  test('a unit form lists that unit’s tasks across plans, with 填报单位 filled in', async () => {
    const form = await planbook(cwd, 'progress', 'form', '--unit', '市应急管理局', '--out', 'unit.xlsx');
    expect(form.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(cwd, 'unit.xlsx'));
    const sheet = workbook.getWorksheet('进展填报')!;
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(sheet.getCell('I2').text).toBe('市应急管理局');
  });
});

describe('planbook progress import', () => {
  test('reports every mistake at its cell and writes nothing while any stands', async () => {
    await planbook(cwd, 'progress', 'form', '--plan', 'yueyang', '--out', 'filled.xlsx');
    const path = join(cwd, 'filled.xlsx');
    await edit(path, (sheet) => {
      // Staff sort the sheet: rows are found by task id, so order does not matter.
      const r1 = rowOf(sheet, 'yueyang-1');
      sheet.getCell(`F${r1}`).value = '已完成';
      sheet.getCell(`G${r1}`).value = '已完成全部排查。';
      sheet.getCell(`H${r1}`).value = { text: '排查台账', hyperlink: 'https://example.org/taizhang.pdf' };
      sheet.getCell(`A${rowOf(sheet, 'yueyang-4')}`).value = 'yueyang-99';
      const r5 = rowOf(sheet, 'yueyang-5');
      sheet.getCell(`F${r5}`).value = '推进中';
      sheet.getCell(`J${r5}`).value = new Date(Date.UTC(2023, 4, 1));
      sheet.getCell(`G${rowOf(sheet, 'yueyang-6')}`).value = '写了进展，忘了状态。';
    });
    const before = await readFile(join(cwd, 'content/progress/yueyang.yml'), 'utf8');
    const result = await planbook(cwd, 'progress', 'import', 'filled.xlsx', '--as-of', '2025-03-31');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('  '))).toEqual([
      'filled.xlsx:进展填报!A5: 错误 没有任务 yueyang-99。 (progress-unknown-task)',
      'filled.xlsx:进展填报!J6: 错误 填报日期 2023-05-01 不在方案实施期 2024—2026 年之内。 (progress-date-outside)',
      'filled.xlsx:进展填报!F7: 错误 状态为空，但这一行填写了进展。 (progress-status)',
      '3 个错误，0 个警告：未写入任何文件。改正填报表后重新导入。',
    ]);
    expect(result.stderr).toContain('  提示：');
    expect(await readFile(join(cwd, 'content/progress/yueyang.yml'), 'utf8')).toBe(before);

    // Fixed: the file is written, with the cell values, and the sample data it held is replaced.
    await edit(path, (sheet) => {
      sheet.getCell(`A${rowOf(sheet, 'yueyang-99')}`).value = 'yueyang-4';
      sheet.getCell(`J${rowOf(sheet, 'yueyang-5')}`).value = '2025/3/20';
      sheet.getCell(`F${rowOf(sheet, 'yueyang-6')}`).value = '推进中';
    });
    const fixed = await planbook(cwd, 'progress', 'import', 'filled.xlsx', '--as-of', '2025-03-31');
    expect(fixed).toMatchObject({ code: 0, stderr: '' });
    expect(fixed.stdout).toBe('已写入 content/progress/yueyang.yml：3 条填报，截至 2025-03-31（替换了原有的示例数据）\n32 项任务这次没有填写，保持原有记录。');
    const text = await readFile(join(cwd, 'content/progress/yueyang.yml'), 'utf8');
    const { progress, messages } = readProgress(text, 'yueyang.yml');
    expect(messages).toEqual([]);
    expect(text).not.toContain('示例数据');
    expect(progress!.entries.map(({ place: _, ...e }) => e)).toEqual([
      { task: 'yueyang-1', date: '2025-03-31', status: '已完成', progress: '已完成全部排查。', unit: null, evidence: ['https://example.org/taizhang.pdf'], note: null },
      { task: 'yueyang-5', date: '2025-03-20', status: '推进中', progress: '', unit: null, evidence: [], note: null },
      { task: 'yueyang-6', date: '2025-03-31', status: '推进中', progress: '写了进展，忘了状态。', unit: null, evidence: [], note: null },
    ]);
    expect(progress!.asOf).toBe('2025-03-31');
    expect((await readdir(join(cwd, 'content/progress'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);

    // A later report is merged into the file, keeping earlier reports; going back from 已完成 warns.
    await edit(path, (sheet) => {
      for (const id of ['yueyang-5', 'yueyang-6']) for (const c of 'FGJ') sheet.getCell(`${c}${rowOf(sheet, id)}`).value = null;
      sheet.getCell(`F${rowOf(sheet, 'yueyang-1')}`).value = '推进中';
    });
    const later = await planbook(cwd, 'progress', 'import', 'filled.xlsx', '--as-of', '2025-06-30');
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('content/progress/yueyang.yml:');
    expect(later.stdout).toContain('(progress-status-back)');
    const merged = readProgress(await readFile(join(cwd, 'content/progress/yueyang.yml'), 'utf8'), 'y.yml').progress!;
    expect(merged.entries.map((e) => `${e.task} ${e.date} ${e.status}`)).toEqual([
      'yueyang-1 2025-03-31 已完成', 'yueyang-1 2025-06-30 推进中', 'yueyang-5 2025-03-20 推进中', 'yueyang-6 2025-03-31 推进中',
    ]);
    expect(merged.asOf).toBe('2025-06-30');
  });

  test('refuses a missing --as-of, a file that is not a workbook, and a sheet without the columns', async () => {
    await writeFile(join(cwd, 'not.xlsx'), 'plain text');
    expect(await planbook(cwd, 'progress', 'import', 'not.xlsx')).toMatchObject({ code: 1, stderr: 'progress import：缺少 --as-of <日期>\n  提示：写明这次填报截至的日期，如 --as-of 2025-03-31' });
    expect((await planbook(cwd, 'progress', 'import', 'not.xlsx', '--as-of', '2025-02-30')).stderr).toContain('不是有效日期');
    expect((await planbook(cwd, 'progress', 'import', 'not.xlsx', '--as-of', '2025-03-31')).stderr).toContain('not.xlsx:1:1: 错误 文件不是有效的 .xlsx 工作簿');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['任务编号', '进展']);
    await mkdir(join(cwd, 'x'), { recursive: true });
    await workbook.xlsx.writeFile(join(cwd, 'x/cols.xlsx'));
    const cols = await planbook(cwd, 'progress', 'import', 'x/cols.xlsx', '--as-of', '2025-03-31');
    expect(cols.stderr.split('\n')[0]).toBe('cols.xlsx:Sheet1!A1: 错误 表头缺少列：状态。 (progress-xlsx-columns)');
  });

  test('reads a workbook made by hand: headers found by name (a few other wordings too), no date column, a title row above', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('庙行镇');
    sheet.addRow(['庙行镇 2025 年一季度任务进展']);
    sheet.addRow(['进展情况', '完成状态', 'Task ID', '备注']);
    sheet.addRow(['已完成隐患排查。', '已完成', 'miaohang-3', '']);
    sheet.addRow(['', '', 'miaohang-4', '']);
    sheet.addRow(['本镇无此类场所', '不适用', 'miaohang-2', '经核实']);
    await workbook.xlsx.writeFile(join(cwd, 'x/hand.xlsx'));
    const result = await planbook(cwd, 'progress', 'import', 'x/hand.xlsx', '--as-of', '2025-03-31');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { progress } = readProgress(await readFile(join(cwd, 'content/progress/miaohang.yml'), 'utf8'), 'm.yml');
    expect(progress!.entries.map((e) => [e.task, e.date, e.status, e.progress, e.note])).toEqual([
      ['miaohang-2', '2025-03-31', '不适用', '本镇无此类场所', '经核实'],
      ['miaohang-3', '2025-03-31', '已完成', '已完成隐患排查。', null],
    ]);
  });

  test('never rewrites a progress file that has errors of its own, and says what is wrong with the arguments', async () => {
    const dir = await project();
    await planbook(dir, 'progress', 'form', '--plan', 'puxinglu', '--out', 'p.xlsx');
    await edit(join(dir, 'p.xlsx'), (sheet) => {
      sheet.getCell(`F${rowOf(sheet, 'puxinglu-1')}`).value = '推进中';
    });
    const broken = 'plan: puxinglu\nreports:\n  - task: puxinglu-1\n    date: 2024-06-30\n    status: 推进中\n    colour: red\n';
    await writeFile(join(dir, 'content/progress/puxinglu.yml'), broken);
    const result = await planbook(dir, 'progress', 'import', 'p.xlsx', '--as-of', '2025-03-31');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/progress/puxinglu.yml:6:5: 错误 填报中有未知的键“colour”。 (progress-unknown-key)');
    expect(await readFile(join(dir, 'content/progress/puxinglu.yml'), 'utf8')).toBe(broken);
    expect(await planbook(dir, 'progress', 'form', '--plan', 'nowhere')).toMatchObject({ code: 1, stderr: 'progress form：没有方案 nowhere\n  提示：方案 id 即 content/plans/<id>.md 的文件名' });
    expect((await planbook(dir, 'progress', 'form')).code).toBe(1);
    expect((await planbook(dir, 'progress', 'export')).stderr).toContain('不认识的子命令“export”');
    expect((await planbook(dir, 'progress', '--help')).stdout).toContain('planbook progress import <填报表.xlsx> --as-of <日期>');
  });
});
