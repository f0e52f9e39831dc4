import { describe, expect, test } from 'vitest';
import { deltaHtml, diffHtml, diffWords, setDiff } from '../../../src/align/diff.ts';

describe('diffWords', () => {
  test('marks words the other task adds and drops against the baseline', () => {
    const parts = diffWords(['完善', '判定', '标准'], ['完善', '隐患', '标准']);
    expect(parts).toEqual([
      { kind: 'same', text: '完善' },
      { kind: 'dropped', text: '判定' },
      { kind: 'added', text: '隐患' },
      { kind: 'same', text: '标准' },
    ]);
    expect(diffHtml(parts)).toBe('完善<del><span class="visually-hidden">［删］</span>判定</del><ins><span class="visually-hidden">［增］</span>隐患</ins>标准');
  });
});

describe('setDiff and deltaHtml', () => {
  test('list deadlines that differ separately from the text (长宁 2024年6月底前 vs 岳阳 2024年底前)', () => {
    const deadlines = setDiff(['2024年底前'], ['2024年6月底前', '2024年底前']);
    expect(deadlines).toEqual({ added: ['2024年6月底前'], dropped: [] });
    expect(deltaHtml(deadlines, { added: [], dropped: [] })).toBe('<li class="delta-added">时限不同（本方案有）：2024年6月底前</li>');
  });
});
