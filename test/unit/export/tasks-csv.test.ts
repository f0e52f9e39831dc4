import { describe, expect, test } from 'vitest';
import { toTasksCsv } from '../../../src/export/index.ts';
import type { Plan } from '../../../src/model/schema.ts';
import { parseCsv } from './csv.ts';
import { loadFixturePlans } from './fixture.ts';

const HEADERS = [
  '任务编号', '方案', '辖区', '序号', '行动', '任务', '内容', '责任单位', '完成时限', '截止年份', '时限是否明确', '周期', '最新状态', '最新进展', '链接',
];

function withText(plans: Plan[], text: string): Plan[] {
  const [first] = plans;
  return [{ ...first!, tasks: [{ ...first!.tasks[0]!, text }] }];
}

describe('toTasksCsv', () => {
  const plans = loadFixturePlans();

  test('starts with a byte order mark and ends every line with CRLF', () => {
    const csv = toTasksCsv(plans);
    expect(csv.startsWith('\uFEFF任务编号,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  test('has the Chinese headers and one row per task', () => {
    const rows = parseCsv(toTasksCsv(plans).slice(1));
    expect(rows[0]).toEqual(HEADERS);
    expect(rows).toHaveLength(1 + 4);
    expect(rows.every((row) => row.length === HEADERS.length)).toBe(true);
  });

  test('quotes fields with a comma, a quote or a line break and reads them back unchanged', () => {
    const text = '甲、乙，丙,"丁"\n第二段';
    const csv = toTasksCsv(withText(plans, text));
    expect(csv).toContain('"甲、乙，丙,""丁""\r\n第二段"');
    expect(parseCsv(csv.slice(1))[1]![6]).toBe('甲、乙，丙,"丁"\r\n第二段');
  });

  test('leaves fields with only Chinese punctuation unquoted', () => {
    const row = toTasksCsv(plans).split('\r\n')[1]!;
    expect(row.startsWith('yueyang-1,岳阳街道安全生产治本攻坚三年行动实施方案（2024—2026年）,上海市松江区岳阳街道,1,')).toBe(true);
  });

  test('keeps text that starts like a formula as text', () => {
    const rows = parseCsv(toTasksCsv(withText(plans, '=1+1')).slice(1));
    expect(rows[1]![6]).toBe("'=1+1");
  });

  test.each([
    ['+', '+86-21-5780 0000 值班电话'],
    ['-', '-2+3 计入考核'],
    ['@', '@SUM(A1:A9)'],
    ['TAB', '\t=HYPERLINK("http://example.org")'],
    ['CR', '\r=1+1'],
    ['全角 ＝', '＝1+1'],
    ['全角 ＋', '＋1'],
    ['全角 －', '－1'],
    ['全角 ＠', '＠SUM(A1)'],
  ])('guards a cell starting with %s against formula injection', (_, text) => {
    const rows = parseCsv(toTasksCsv(withText(plans, text)).slice(1));
    expect(rows[1]![6]!.startsWith("'")).toBe(true);
  });

  test('leaves ordinary task text unguarded', () => {
    const rows = parseCsv(toTasksCsv(withText(plans, '开展安全生产责任落实提升行动。')).slice(1));
    expect(rows[1]![6]).toBe('开展安全生产责任落实提升行动。');
  });

  test('names units with their role, and 未写明 when a task names none', () => {
    const rows = parseCsv(toTasksCsv(plans).slice(1));
    expect(rows[1]![7]).toBe('未写明');
    expect(rows[2]![7]).toBe('街道发展办（牵头）；管理办（配合）；营商办（配合）');
    expect(rows[4]![7]).toBe('市应急管理局（牵头）；各乡镇（街道）（落实）；经开区管委会（落实）');
  });

  test('writes deadlines as stated, the deadline year, whether it was explicit and the recurrence', () => {
    const rows = parseCsv(toTasksCsv(plans).slice(1));
    expect(rows[1]!.slice(8, 12)).toEqual(['未写明（按方案期限 2026年底）', '2026', '否', '每年']);
    expect(rows[3]!.slice(8, 12)).toEqual(['2024年底前；2025年底前', '2025', '是', '每季度、每年']);
  });

  test('names the action with its series and links to the task page', () => {
    const rows = parseCsv(toTasksCsv(plans, { siteUrl: 'https://example.org/' }).slice(1));
    expect(rows[1]![4]).toBe('常态化行动：（一）开展安全生产责任落实提升行动');
    expect(rows[4]![4]).toBe('（一）实施重大事故隐患动态清零行动');
    expect(rows[1]![14]).toBe('https://example.org/plans/yueyang/tasks/1/');
  });

  test('carries each task’s latest status and progress, and 未填报 where its plan has no reports', () => {
    const first = plans[0]!.tasks[0]!;
    const status = (task: { id: string }) => (task.id === first.id ? { shown: '已逾期', asOf: '2025-03-31', progress: '已完成排查，整改中。' } : undefined);
    const rows = parseCsv(toTasksCsv(plans, { status }).slice(1));
    expect(rows[1]!.slice(12, 14)).toEqual(['已逾期（截至2025年3月31日）', '已完成排查，整改中。']);
    expect(rows[2]!.slice(12, 14)).toEqual(['未填报', '']);
  });
});
