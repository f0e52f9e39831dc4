import { describe, expect, test } from 'vitest';
import { deadlinePhrases, deadlineText, NOT_STATED, unitLabels, unitNames } from '../../../src/model/vocabulary.ts';

const milestone = (year: number, phrase: string) => ({ year, month: null, qualifier: '底前', phrase, text: phrase }) as never;

describe('vocabulary', () => {
  test('a task with no written deadline reads 未写明 with the plan end, everywhere the same', () => {
    const task = { deadlineYear: 2026, deadlineExplicit: false, milestones: [] };
    expect(deadlineText(task)).toBe('未写明（按方案期限 2026年底）');
    expect(deadlinePhrases(task)).toEqual(['未写明（按方案期限 2026年底）']);
  });

  test('a task its text calls ongoing (长期坚持) reads 长期, not the plan end', () => {
    const task = { deadlineYear: 2026, deadlineExplicit: false, milestones: [], ongoing: true };
    expect(deadlineText(task)).toBe('长期（不设完成年份）');
    expect(deadlinePhrases(task)).toEqual(['长期（不设完成年份）']);
  });

  test('a written deadline reads as the milestone that sets its year', () => {
    const task = { deadlineYear: 2025, deadlineExplicit: true, milestones: [milestone(2024, '2024年底前'), milestone(2025, '2025年6月底前')] };
    expect(deadlineText(task)).toBe('2025年6月底前');
    expect(deadlinePhrases(task)).toEqual(['2024年底前', '2025年6月底前']);
  });

  test('units keep their role word once each, and none reads 未写明 at the caller', () => {
    const units = [
      { name: '区应急局', role: 'lead' as const },
      { name: '区应急局', role: 'lead' as const },
      { name: '街道办', role: 'support' as const },
      { name: '各单位', role: 'implement' as const },
    ];
    expect(unitLabels(units)).toEqual(['区应急局（牵头）', '街道办（配合）', '各单位（落实）']);
    expect(unitNames(units, ['responsible', 'implement'])).toEqual(['各单位']);
    expect(unitLabels([]).join('') || NOT_STATED).toBe('未写明');
  });
});
