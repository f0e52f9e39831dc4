import { describe, expect, test } from 'vitest';
import { buildYearIndex, taskYears } from '../../../src/derive/years.ts';
import { milestone, plan, task } from './plans.ts';

describe('taskYears', () => {
  test('lists each milestone year and the deadline year once, ascending', () => {
    const t = task('a', { number: 1, milestones: [milestone(2025), milestone(2024), milestone(2025, '2025年6月底前')], deadlineYear: 2026 });
    expect(taskYears(t)).toEqual([2024, 2025, 2026]);
  });
});

describe('buildYearIndex', () => {
  const plans = [
    plan('a', [
      { number: 1, milestones: [milestone(2024)], deadlineYear: 2024, deadlineExplicit: true },
      { number: 2, recurrence: ['每季度'] },
      { number: 3, milestones: [milestone(2024), milestone(2026)], deadlineYear: 2026, deadlineExplicit: true },
    ]),
    plan('b', [{ number: 1 }], { period: [2024, 2027] }),
  ];
  const index = buildYearIndex(plans);

  test('covers every year of every plan period', () => {
    expect(index.years).toEqual([2024, 2025, 2026, 2027]);
  });

  test('lists what falls due in a year with that year’s milestones, grouped by plan', () => {
    const y = index.get(2024)!;
    expect(y.due).toHaveLength(1);
    expect(y.due[0]!.items.map((i) => [i.number, i.milestones.length, i.implicit])).toEqual([
      [1, 1, false],
      [3, 1, false],
    ]);
  });

  test('marks tasks due only by the plan’s end as implicit', () => {
    const y = index.get(2026)!;
    expect(y.due[0]!.items.map((i) => [i.number, i.implicit])).toEqual([
      [2, true],
      [3, false],
    ]);
  });

  test('lists recurring work in every year of the plan', () => {
    expect(index.get(2025)!.recurring).toEqual([{ plan: 'a', tasks: [{ number: 2, recurrence: ['每季度'] }] }]);
    expect(index.get(2027)!.recurring).toEqual([]);
  });

  test('counts the tasks due in a year across plans', () => {
    expect(index.get(2026)!.count).toBe(3);
  });
});
