/**
 * `2024年11月起` says when a task starts, not when it is due: it stays among
 * the task's time nodes (and its phrases), but only a due date sets the
 * deadline year; a task with a start and no due date takes the plan's end,
 * shown as not stated.
 */
import { describe, expect, test } from 'vitest';
import { parsePlan } from '../../../src/parse/index.ts';
import { deadlinePhrases, deadlineText } from '../../../src/model/vocabulary.ts';
import { buildYearIndex, taskYears } from '../../../src/derive/years.ts';
import { taskRecord } from '../../../src/search/record.ts';

const head = ['---', 'id: qishi', 'name: 测试镇', 'title: 测试镇安全生产治本攻坚三年行动实施方案', 'jurisdiction: [某省, 某市, 测试镇]', 'level: 镇', 'issuer: null', 'docNumber: null', 'issuedOn: null', 'period: [2024, 2026]', '---', '', '# 测试镇安全生产治本攻坚三年行动实施方案', '', '## 二、主要任务', '', '### （一）行动一', '', ''].join('\n');

function parse(...paragraphs: string[]) {
  const result = parsePlan(`${head}${paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n')}\n`, 'qishi.md');
  expect(result.plan, JSON.stringify(result.messages)).not.toBeNull();
  return result.plan!;
}
const tasks = (...paragraphs: string[]) => parse(...paragraphs).tasks;

describe('a start date', () => {
  test('alone: the deadline is the plan end, not stated; the start is kept as written', () => {
    const [task] = tasks('开展燃气安全专项检查。自2024年11月起，每月检查一次（责任单位：镇安全办）。');
    expect(task!.milestones.map((m) => [m.phrase, m.qualifier])).toEqual([['2024年11月起', '起']]);
    expect([task!.deadlineYear, task!.deadlineExplicit]).toEqual([2026, false]);
    expect(deadlineText(task!)).toBe('未写明（按方案期限 2026年底）');
    // The time column of the lists and tables: the start as written, then the deadline as not stated.
    expect(deadlinePhrases(task!)).toEqual(['2024年11月起', '未写明（按方案期限 2026年底）']);
  });

  test('is no year the task falls due in: not in the year lists, the unit pages or the 完成年份 filter', () => {
    const plan = parse('开展燃气安全专项检查。自2024年11月起开展（责任单位：镇安全办）。', '2024年11月起开展排查，2025年6月底前完成整改（责任单位：镇安全办）。');
    const [start, both] = plan.tasks;
    expect(taskYears(start!)).toEqual([2026]);
    expect(taskYears(both!)).toEqual([2025]);
    expect(taskRecord(start!, plan, plan.actions[0]).filters.完成年份).toEqual(['2026年']);
    const years = buildYearIndex([plan]);
    expect(years.get(2024)!.count).toBe(0);
    expect(years.get(2025)!.due[0]!.items.map((i) => [i.number, i.milestones.map((m) => m.phrase)])).toEqual([[2, ['2025年6月底前']]]);
    expect(years.get(2026)!.due[0]!.items).toEqual([{ number: 1, milestones: [], implicit: true }]);
  });

  test('with a due date: the due date sets the deadline, whichever comes first in the text', () => {
    const [first, second] = tasks(
      '开展隐患排查。2024年11月起开展排查，2025年6月底前完成整改（责任单位：镇安全办）。',
      '2025年底前完成自查，2024年12月起开展复核（责任单位：镇安全办）。',
    );
    expect([first!.deadlineYear, first!.deadlineExplicit, deadlineText(first!)]).toEqual([2025, true, '2025年6月底前']);
    expect([second!.deadlineYear, second!.deadlineExplicit, deadlineText(second!)]).toEqual([2025, true, '2025年底前']);
    // A start in the deadline's own year, written after it, is not the deadline either.
    const [same] = tasks('2025年底前完成自查，2025年3月起开展复核（责任单位：镇安全办）。');
    expect(deadlineText(same!)).toBe('2025年底前');
    expect(deadlinePhrases(same!)).toEqual(['2025年底前', '2025年3月起']);
  });
});
