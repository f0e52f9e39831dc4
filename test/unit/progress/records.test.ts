import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkProject, formatMessage } from '../../../src/check/index.ts';
import { loadPlans } from '../../../src/load/plans.ts';
import type { Plan } from '../../../src/model/schema.ts';
import { checkProgressFile } from '../../../src/progress/check.ts';
import { finalDeadline, milestoneDate, milestoneDue, statedDeadlines } from '../../../src/progress/deadlines.ts';
import {
  countByUnit, countByYear, countStatuses, latestEntry, planProgress, progressAsOf, taskProgress,
} from '../../../src/progress/derive.ts';
import { deadlineLabel } from '../../../src/progress/labels.ts';
import { progressFiles } from '../../../src/progress/load.ts';
import { readProgress } from '../../../src/progress/read.ts';
import { stringifyProgress } from '../../../src/progress/write.ts';

const root = resolve(import.meta.dirname, '../../..');
let plans: Plan[];
beforeAll(async () => {
  plans = (await loadPlans(resolve(root, 'content/plans'))).plans;
});
const plan = (id: string) => plans.find((p) => p.id === id)!;
const FILE = 'content/progress/yueyang.yml';

const yaml = (reports: string, head = 'plan: yueyang\n') => `${head}reports:\n${reports}`;
const lines = (text: string) => checkProgressFile(text, FILE, plans).map(formatMessage).map((m) => m.split('\n')[0]);

describe('readProgress', () => {
  test('reads entries with the line and column where each starts', () => {
    const text = yaml('  - task: yueyang-7\n    date: 2025-03-31\n    status: 推进中\n    progress: 已排查 12 家企业。\n    evidence: [台账.xlsx]\n');
    const { progress, messages } = readProgress(text, FILE);
    expect(messages).toEqual([]);
    expect(progress).toEqual({
      plan: 'yueyang', asOf: null, path: FILE, sample: false,
      entries: [{ task: 'yueyang-7', date: '2025-03-31', status: '推进中', progress: '已排查 12 家企业。', unit: null, evidence: ['台账.xlsx'], note: null, place: { line: 3, column: 5 } }],
    });
  });

  test('refuses 已逾期 as a typed status, an impossible date and an unknown key, each at its place', () => {
    const text = yaml('  - task: yueyang-1\n    date: 2025-02-30\n    status: 已逾期\n    colour: red\n');
    expect(lines(text)).toEqual([
      `${FILE}:4:11: 错误 日期“2025-02-30”不是有效日期。 (progress-date)`,
      `${FILE}:5:13: 错误 “已逾期”由完成时限和填报日期推算，不能直接填写。 (progress-status)`,
      `${FILE}:6:5: 错误 填报中有未知的键“colour”。 (progress-unknown-key)`,
    ]);
  });

  test('reports YAML syntax errors in Chinese at their line', () => {
    expect(lines('plan: yueyang\nreports:\n  - task: [yueyang-1\n')[0]).toMatch(/^content\/progress\/yueyang\.yml:\d+:\d+: 错误 YAML 语法错误/);
  });
});

describe('checkProgress', () => {
  test('finds unknown task ids, dates outside the plan period and duplicate reports', () => {
    const text = yaml([
      '  - task: yueyang-99\n    date: 2025-03-31\n    status: 推进中\n',
      '  - task: yueyang-1\n    date: 2023-12-31\n    status: 推进中\n',
      '  - task: yueyang-2\n    date: 2025-03-31\n    status: 推进中\n',
      '  - task: yueyang-2\n    date: 2025-03-31\n    status: 已完成\n',
    ].join(''));
    expect(lines(text)).toEqual([
      `${FILE}:3:5: 错误 方案 yueyang 中没有任务 yueyang-99。 (progress-unknown-task)`,
      `${FILE}:6:5: 错误 日期 2023-12-31 不在方案实施期 2024—2026 年之内。 (progress-date-outside)`,
      `${FILE}:12:5: 错误 任务 yueyang-2 在 2025-03-31 已有一条填报（第 9 行）。 (progress-duplicate)`,
    ]);
  });

  test('warns when 已完成 goes back without a note, and accepts it with one', () => {
    const back = (note: string) => yaml(`  - task: yueyang-3\n    date: 2024-12-31\n    status: 已完成\n  - task: yueyang-3\n    date: 2025-03-31\n    status: 推进中\n${note}`);
    expect(lines(back(''))).toEqual([`${FILE}:6:5: 警告 任务 yueyang-3 在 2024-12-31 已报“已完成”，2025-03-31 改为“推进中”，没有说明。 (progress-status-back)`]);
    expect(lines(back('    note: 复查发现新隐患，重新整改\n'))).toEqual([]);
  });

  test('names a file whose plan does not exist or does not match its name', () => {
    expect(lines(yaml('', 'plan: nowhere\n'))).toEqual([`${FILE}:1:1: 错误 没有 id 为“nowhere”的方案。 (progress-unknown-plan)`]);
    expect(lines(yaml('', 'plan: miaohang\n'))).toEqual([`${FILE}:1:1: 错误 文件名“yueyang”与 plan“miaohang”不一致。 (progress-unknown-plan)`]);
  });

  test('is part of checkProject, and the sample files pass it', async () => {
    const { messages, files } = await checkProject({
      root, plans: plans.map((p) => p.path), progress: progressFiles(resolve(root, 'content/progress')).map((p) => p.slice(root.length + 1)),
    });
    expect(messages.filter((m) => m.severity === 'error').map(formatMessage)).toEqual([]);
    expect(files).toBe(10);
  });
});

test('checkProject stops on a progress file with an error, at its place', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'planbook-progress-check-'));
  await writeFile(join(dir, 'yueyang.yml'), yaml('  - task: yueyang-1\n    date: 2027-01-15\n    status: 已完成\n'));
  const { messages } = await checkProject({ root: dir, plans: [plan('yueyang').path].map((p) => resolve(root, p)), progress: ['yueyang.yml'] });
  expect(messages.map(formatMessage).map((m) => m.split('\n')[0])).toEqual([
    'yueyang.yml:3:5: 错误 日期 2027-01-15 不在方案实施期 2024—2026 年之内。 (progress-date-outside)',
  ]);
});

describe('stated deadlines', () => {
  test('fall on the last day of the stated period; a start (起) is no deadline', () => {
    expect(milestoneDate({ year: 2024, month: null, qualifier: '底前' })).toBe('2024-12-31');
    expect(milestoneDate({ year: 2025, month: 6, qualifier: '底' })).toBe('2025-06-30'); // 2025年第二季度
    expect(milestoneDate({ year: 2024, month: 2, qualifier: '月' })).toBe('2024-02-29');
    expect(milestoneDate({ year: 2025, month: null, qualifier: '起' })).toBeNull();
  });

  test('fall on the day the text states, the end of a ten-day part, or the day of a festival', () => {
    expect(milestoneDate({ year: 2024, month: 6, qualifier: '前', day: 15 })).toBe('2024-06-15');
    expect(milestoneDate({ year: 2024, month: 11, qualifier: '月', occasion: '上旬' })).toBe('2024-11-10');
    expect(milestoneDate({ year: 2024, month: 11, qualifier: '前', occasion: '中旬' })).toBe('2024-11-20');
    expect(milestoneDate({ year: 2024, month: 2, qualifier: '月', occasion: '下旬' })).toBe('2024-02-29');
    // Festivals before which work is due: the eve. 2027's 正月初一 is 6 February (some calendars compute the 7th).
    expect(milestoneDate({ year: 2025, month: null, qualifier: '前', occasion: '春节' })).toBe('2025-01-28');
    expect(milestoneDate({ year: 2027, month: null, qualifier: '前', occasion: '春节' })).toBe('2027-02-05');
    expect(milestoneDate({ year: 2025, month: null, qualifier: '年', occasion: '中秋' })).toBe('2025-10-06');
    expect(milestoneDate({ year: 2026, month: null, qualifier: '前', occasion: '端午' })).toBe('2026-06-18');
    expect(milestoneDate({ year: 2026, month: null, qualifier: '前', occasion: '清明' })).toBe('2026-04-04');
    expect(milestoneDate({ year: 2025, month: null, qualifier: '前', occasion: '国庆' })).toBe('2025-09-30');
    expect(milestoneDate({ year: 2025, month: null, qualifier: '前', occasion: '元旦' })).toBe('2024-12-31');
    // Several occasions are due by the latest: 2025's 春节 (29 January) after its 元旦; 2024's 国庆 after its 中秋 (17 September).
    expect(milestoneDate({ year: 2025, month: null, qualifier: '前', occasion: '元旦、春节' })).toBe('2025-01-28');
    expect(milestoneDate({ year: 2025, month: null, qualifier: '前', occasion: '两节' })).toBe('2025-01-28');
    expect(milestoneDate({ year: 2024, month: null, qualifier: '前', occasion: '国庆、中秋' })).toBe('2024-09-30');
    expect(milestoneDate({ year: 2025, month: 3, qualifier: '月', occasion: '中下旬' })).toBe('2025-03-31');
    expect(milestoneDate({ year: 2025, month: 3, qualifier: '月', occasion: '上中旬' })).toBe('2025-03-20');
    // 双节 alone may be 中秋 and 国庆 or 元旦 and 春节: not dated, as a flood season.
    expect(milestoneDue({ year: 2024, month: null, qualifier: '前', occasion: '双节' })).toEqual({ date: '2024-12-31', exact: false });
    // A flood season differs by region: the latest it can mean, and not exact (no calendar event).
    expect(milestoneDue({ year: 2025, month: null, qualifier: '前', occasion: '汛期' })).toEqual({ date: '2025-12-31', exact: false });
    expect(milestoneDue({ year: 2025, month: 6, qualifier: '前', day: 15 })).toEqual({ date: '2025-06-15', exact: true });
    // The progress views print the date with the phrase, and say how an undated phrase is counted.
    const [flood] = statedDeadlines({ milestones: [{ year: 2025, month: null, qualifier: '前', occasion: '汛期', phrase: '2025年汛期前', text: '完成演练' }] });
    expect(deadlineLabel(flood!)).toBe('2025年汛期前（原文未写明具体日期，逾期按2025年12月31日计）');
    const [eve] = statedDeadlines({ milestones: [{ year: 2025, month: null, qualifier: '前', occasion: '春节', phrase: '2025年春节前', text: '完成检查' }] });
    expect(deadlineLabel(eve!)).toBe('2025年1月28日（原文：2025年春节前）');
    // Due on the eve of 2025's New Year's Day, and counted under the year the phrase names.
    const [newYear] = statedDeadlines({ milestones: [{ year: 2025, month: null, qualifier: '前', occasion: '元旦', phrase: '2025年元旦前', text: '完成' }] });
    expect([newYear!.date, newYear!.year]).toEqual(['2024-12-31', 2025]);
  });

  test('come from the task text as the parser read it', () => {
    const withTwo = plan('yueyang').tasks.find((t) => statedDeadlines(t).length >= 2)!;
    expect(statedDeadlines(withTwo).map((d) => d.date)).toEqual(
      [...new Set(withTwo.milestones.filter((m) => m.qualifier !== '起').map((m) => milestoneDate(m)))].sort(),
    );
    const without = plans.flatMap((p) => p.tasks).find((t) => t.milestones.length === 0)!;
    expect(finalDeadline(without)).toBeNull();
  });
});

describe('derived status', () => {
  const entries = (task: string) => [
    { task, date: '2024-06-30', status: '推进中' as const, progress: '', unit: null, evidence: [], note: null, place: { line: 1, column: 1 } },
    { task, date: '2025-03-31', status: '已完成' as const, progress: '', unit: null, evidence: [], note: null, place: { line: 1, column: 1 } },
  ];

  test('takes the latest report on or before the date', () => {
    expect(latestEntry(entries('a-1'), 'a-1', '2024-12-31')?.status).toBe('推进中');
    expect(latestEntry(entries('a-1'), 'a-1', '2025-03-31')?.status).toBe('已完成');
    expect(latestEntry(entries('a-1'), 'a-1', '2024-01-01')).toBeNull();
  });

  test('is overdue only when the last stated deadline passed before the report date and the task is not done', () => {
    const task = plans.flatMap((p) => p.tasks).find((t) => finalDeadline(t)?.date === '2024-12-31')!;
    const list = entries(task.id);
    expect(taskProgress(task, list, '2024-12-31').shown).toBe('推进中'); // due that day: not late yet
    expect(taskProgress(task, list, '2025-01-15')).toMatchObject({ shown: '已逾期', overdue: true });
    expect(taskProgress(task, list, '2025-03-31')).toMatchObject({ shown: '已完成', overdue: false });
    expect(taskProgress(task, [], '2025-01-15').shown).toBe('已逾期'); // nothing reported and past due
    const open = plans.flatMap((p) => p.tasks).find((t) => finalDeadline(t) === null)!;
    expect(taskProgress(open, [], '2026-12-31').shown).toBe('未填报'); // no stated deadline: never overdue
  });

  test('takes the report date from the file, never from the clock', () => {
    expect(progressAsOf({ asOf: null, entries: entries('a-1') })).toBe('2025-03-31');
    expect(progressAsOf({ asOf: '2025-06-30', entries: entries('a-1') })).toBe('2025-06-30');
    expect(progressAsOf({ asOf: null, entries: [] })).toBeNull();
  });

  test('counts per plan, unit and year add up to the tasks', async () => {
    const text = await readFile(resolve(root, 'content/progress/xiangxiang.yml'), 'utf8');
    const { progress } = readProgress(text, 'xiangxiang.yml');
    const items = planProgress(plan('xiangxiang'), progress!.entries, progressAsOf(progress!)!);
    const counts = countStatuses(items);
    expect(counts.total).toBe(20);
    expect(Object.entries(counts).filter(([k]) => k !== 'total').reduce((s, [, n]) => s + n, 0)).toBe(20);
    expect([...countByYear(items).values()].reduce((s, c) => s + c.total, 0)).toBe(20);
    for (const [unit, c] of countByUnit(items)) {
      expect(c.total, unit).toBe(items.filter((i) => i.task.units.some((u) => u.name === unit)).length || c.total);
    }
  });
});

describe('stringifyProgress', () => {
  test('writes what readProgress reads back, with the leading comment', () => {
    const text = yaml('  - task: yueyang-2\n    date: 2025-03-31\n    status: 推进中\n    unit: 街道安全办\n    evidence: [a.pdf, b.pdf]\n  - task: yueyang-1\n    date: 2024-06-30\n    status: 已完成\n    note: "说明: 有冒号"\n');
    const first = readProgress(text, FILE).progress!;
    const again = readProgress(stringifyProgress(first, '# 示例'), FILE).progress!;
    expect(again.entries.map(({ place: _, ...e }) => e)).toEqual(
      [...first.entries].reverse().map(({ place: _, ...e }) => e),
    );
    expect(stringifyProgress(first, '# 示例').startsWith('# 示例\nplan: yueyang\n')).toBe(true);
  });
});
