import { describe, expect, test } from 'vitest';
import { alignPlans, counterparts } from '../../../src/align/index.ts';
import { normalizer, placeNames } from '../../../src/align/normalize.ts';
import { comparisonJson } from '../../../src/align/export.ts';
import type { AlignPlan, Alignment } from '../../../src/align/types.ts';

const plan = (id: string, name: string, texts: string[]): AlignPlan => ({
  id,
  name,
  jurisdiction: ['上海市', name],
  actions: [{ index: 1, title: '开展安全生产责任体系提升行动' }],
  tasks: texts.map((text, i) => ({ id: `${id}-${i + 1}`, plan: id, number: i + 1, action: 1, title: text.split('。')[0], text })),
});

const a = plan('a', '甲街道', [
  '深化城镇燃气专项治理。严格瓶装液化石油气安全监管，严厉打击生产销售伪劣燃气具行为，有序推进燃气管道老化更新改造。',
  '加强全民安全生产宣传教育。持续开展安全生产月、消防宣传月、安全宣传咨询日等活动，推动安全宣传进企业、进社区、进学校。',
]);
const b = plan('b', '乙镇', [
  '加强全民安全生产宣传教育。2024年底前，本镇持续开展安全生产月、消防宣传月等活动，推动安全宣传进企业、进农村、进社区（镇宣传办牵头）。',
  '深化城镇燃气安全整治。严格瓶装液化石油气安全监管，打击伪劣燃气具，推进燃气管道老化更新改造。',
  '建立安全生产志愿者队伍，规范志愿者服务工作。',
]);

describe('normalizer', () => {
  test('removes deadline phrases, bracketed unit clauses and place names', () => {
    const normalize = normalizer(placeNames([{ name: '长宁区', jurisdiction: ['上海市', '长宁区'] }]));
    expect(normalize('2024年6月底前，长宁区完成汇编（区应急局牵头）。本街道2025年底前全面推开。')).toBe(',完成汇编。全面推开。');
  });
});

describe('alignPlans', () => {
  const alignment = alignPlans([a, b]);

  test('pairs paraphrased tasks in any order and leaves a task without counterpart alone', () => {
    const rows = alignment.groups.map((g) => [...g.tasks].sort());
    expect(rows).toContainEqual(['a-1', 'b-2']);
    expect(rows).toContainEqual(['a-2', 'b-1']);
    expect(rows).toContainEqual(['b-3']);
  });

  test('splits two tasks when the curation says so, and pins two others together', () => {
    const curated = alignPlans([a, b], { pin: [['a-2', 'b-3']], split: [['a-1', 'b-2']] });
    const rows = curated.groups.map((g) => [...g.tasks].sort());
    expect(rows.some((r) => r.includes('a-1') && r.includes('b-2'))).toBe(false);
    expect(rows.some((r) => r.includes('a-2') && r.includes('b-3'))).toBe(true);
  });
});

describe('counterparts', () => {
  test('lists the other members of every row of a task with their scores and row ids', () => {
    const alignment: Alignment = {
      groups: [
        { id: 'row-1', title: '燃气', tasks: ['a-1', 'b-2'], scores: { 'a-1': 0.6, 'b-2': 0.6 } },
        { id: 'row-2', title: '消防', tasks: ['a-1', 'c-4'], scores: { 'a-1': 0.3, 'c-4': 0.4 } },
      ],
    };
    expect(counterparts(alignment, 'a-1')).toEqual([
      { taskId: 'b-2', score: 0.6, groupId: 'row-1' },
      { taskId: 'c-4', score: 0.4, groupId: 'row-2' },
    ]);
    expect(counterparts(alignment, 'z-1')).toEqual([]);
  });
});

describe('comparisonJson', () => {
  test('writes exactly id, title, tasks and scores for each group', () => {
    const json = JSON.parse(comparisonJson({ groups: [{ id: 'row-1', title: 't', tasks: ['a-1'], scores: { 'a-1': 1 } }], stats: { tasks: 1, allPairs: 0, scoredPairs: 0 } }));
    expect(json).toEqual({ groups: [{ id: 'row-1', title: 't', tasks: ['a-1'], scores: { 'a-1': 1 } }] });
  });
});
