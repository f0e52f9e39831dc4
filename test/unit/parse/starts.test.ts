/**
 * `2024年11月起` says when a task starts, not when it is due: it stays among
 * the task's time nodes (and its phrases), but only a due date sets the
 * deadline year; a task with a start and no due date takes the plan's end,
 * shown as not stated.
 */
import { describe, expect, test } from 'vitest';
import { parsePlan } from '../../../src/parse/index.ts';
import { deadlinePhrases, deadlineText } from '../../../src/model/vocabulary.ts';

const head = ['---', 'id: qishi', 'name: 测试镇', 'title: 测试镇安全生产治本攻坚三年行动实施方案', 'jurisdiction: [某省, 某市, 测试镇]', 'level: 镇', 'issuer: null', 'docNumber: null', 'issuedOn: null', 'period: [2024, 2026]', '---', '', '# 测试镇安全生产治本攻坚三年行动实施方案', '', '## 二、主要任务', '', '### （一）行动一', '', ''].join('\n');

function tasks(...paragraphs: string[]) {
  const result = parsePlan(`${head}${paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n')}\n`, 'qishi.md');
  expect(result.plan, JSON.stringify(result.messages)).not.toBeNull();
  return result.plan!.tasks;
}

describe('a start date', () => {
  test('alone: the deadline is the plan end, not stated; the start is kept as written', () => {
    const [task] = tasks('开展燃气安全专项检查。自2024年11月起，每月检查一次（责任单位：镇安全办）。');
    expect(task!.milestones.map((m) => [m.phrase, m.qualifier])).toEqual([['2024年11月起', '起']]);
    expect([task!.deadlineYear, task!.deadlineExplicit]).toEqual([2026, false]);
    expect(deadlineText(task!)).not.toContain('2024');
    expect(deadlinePhrases(task!)).toEqual(['2024年11月起']);
  });

  test('with a due date: the due date sets the deadline, whichever comes first in the text', () => {
    const [first, second] = tasks(
      '开展隐患排查。2024年11月起开展排查，2025年6月底前完成整改（责任单位：镇安全办）。',
      '2025年底前完成自查，2024年12月起开展复核（责任单位：镇安全办）。',
    );
    expect([first!.deadlineYear, first!.deadlineExplicit, deadlineText(first!)]).toEqual([2025, true, '2025年6月底前']);
    expect([second!.deadlineYear, second!.deadlineExplicit, deadlineText(second!)]).toEqual([2025, true, '2025年底前']);
  });
});
