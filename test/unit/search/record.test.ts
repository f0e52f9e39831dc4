import { describe, expect, test } from 'vitest';
import { deadlineText, taskRecord } from '../../../src/search/record.ts';
import { yueyang } from './fixture.ts';

describe('taskRecord', () => {
  const [t2, t8] = yueyang.tasks;
  test('gives 完成年份 every milestone year and the deadline year, once each', () => {
    expect(taskRecord(t8!, yueyang, yueyang.actions[0]).filters.完成年份).toEqual(['2024年', '2025年']);
  });
  test('names each responsible unit once, the plan as 辖区 and the action as 行动', () => {
    const { filters } = taskRecord(t8!, yueyang, yueyang.actions[0]);
    expect(filters.责任单位).toEqual(['街道发展办', '街道派出所']);
    expect(filters.辖区).toEqual(['岳阳街道']);
    expect(filters.行动).toEqual(['开展重点行业领域专项整治行动']);
  });
  test('carries plan name, task number, deadline and lead phrase as metadata', () => {
    expect(taskRecord(t2!, yueyang, undefined).meta).toEqual({
      title: '进一步夯实部门监管责任',
      plan: '岳阳街道',
      planId: 'yueyang',
      number: '2',
      deadline: '未写明（按方案期限 2026年底）',
    });
  });
});

describe('deadlineText', () => {
  test('uses the deadline phrase as written when the deadline year is stated', () => {
    const t = { ...yueyang.tasks[1]!, milestones: [{ year: 2025, month: 6, qualifier: '底前', text: '', phrase: '2025年6月底前' }] };
    expect(deadlineText(t)).toBe('2025年6月底前');
  });
});
