import { describe, expect, test } from 'vitest';
import { buildSubstringIndex } from '../../../src/search/substring.ts';
import { excerpt, facetCounts, matchesSelection, mergeResults, namesUnit, queryTerms } from '../../../src/search/client/match.ts';
import { changning, yueyang } from './fixture.ts';

const index = buildSubstringIndex([yueyang, changning]);
const urls = (hits: ReturnType<typeof mergeResults>) => hits.map((h) => h.record.url);

describe('queryTerms', () => {
  test('splits on whitespace and drops quotes and punctuation at the ends', () => {
    expect(queryTerms(' “燃气”  有限空间。 ')).toEqual(['燃气', '有限空间']);
  });
  test('folds full-width letters and case', () => {
    expect(queryTerms('ＰＡＧＥ')).toEqual(['page']);
  });
});

describe('mergeResults', () => {
  test('puts the task whose lead phrase holds the query before tasks that mention it', () => {
    const hits = mergeResults(index, '燃气', ['/plans/yueyang/tasks/2/', '/plans/changning/tasks/8/', '/plans/yueyang/tasks/8/']);
    expect(urls(hits)[0]).toBe('/plans/yueyang/tasks/8/');
    expect(hits[0]!.tier).toBe(3);
  });
  test('finds a task holding the exact substring that Pagefind did not return', () => {
    expect(urls(mergeResults(index, '气专项', []))).toEqual(['/plans/yueyang/tasks/8/']);
  });
  test('keeps Pagefind-only results after exact matches, marked as partial', () => {
    const hits = mergeResults(index, '燃气泄漏', ['/plans/changning/tasks/8/', '/plans/yueyang/tasks/8/']);
    expect(hits.map((h) => [h.record.url, h.tier])).toEqual([
      ['/plans/yueyang/tasks/8/', 2],
      ['/plans/changning/tasks/8/', 1],
    ]);
  });
  test('requires every term of a multi-term query for an exact match', () => {
    expect(urls(mergeResults(index, '有限空间 燃气', []))).toEqual(['/plans/changning/tasks/8/']);
  });
  test('matches a responsible unit named only in the unit list', () => {
    expect(urls(mergeResults(index, '街道派出所', []))).toEqual(['/plans/yueyang/tasks/8/']);
  });
  test('puts tasks that name the queried unit first, before tasks that only mention it', () => {
    const hits = mergeResults(index, '发展办', ['/plans/changning/tasks/8/']);
    expect(hits.slice(0, 2).map((h) => [h.record.url, h.tier])).toEqual([
      ['/plans/yueyang/tasks/2/', 4],
      ['/plans/yueyang/tasks/8/', 4],
    ]);
  });
  test('takes a short form of a unit name as naming it (应急局 → 市应急管理局), not a stray character', () => {
    expect(namesUnit('市应急管理局', '应急局')).toBe(true);
    expect(namesUnit('区安全生产委员会办公室', '安委办')).toBe(true);
    expect(namesUnit('市应急管理局', '局应急')).toBe(false);
    expect(namesUnit('市应急管理局', '局')).toBe(true);
    expect(namesUnit('街道发展办', '办')).toBe(true);
    expect(namesUnit('街道发展办', '发改')).toBe(false);
  });
  test('returns nothing for an empty query without Pagefind results', () => {
    expect(mergeResults(index, '  ', [])).toEqual([]);
  });
});

describe('filters', () => {
  const [y2, y8, c8] = index.records;
  test('match any selected value within a filter and every filter at once', () => {
    expect(matchesSelection(index, y8!, { 辖区: ['岳阳街道', '长宁区'], 责任单位: ['街道派出所'] })).toBe(true);
    expect(matchesSelection(index, y2!, { 辖区: ['岳阳街道'], 责任单位: ['街道派出所'] })).toBe(false);
  });
  test('count each value over the results matching the other filters', () => {
    const counts = facetCounts(index, [y2!, y8!, c8!], { 辖区: ['岳阳街道'] });
    expect(counts.辖区.get('长宁区')).toBe(1); // still shown: choosing it would add one
    expect(counts.责任单位.get('街道发展办')).toBe(2);
    expect(counts.完成年份.get('2024年')).toBe(1);
  });
});

describe('excerpt', () => {
  test('marks every occurrence of the terms around the first hit', () => {
    const parts = excerpt('深化城镇燃气安全排查整治，组织安装燃气泄漏报警装置。', ['燃气'], 2)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['燃气']);
    expect(parts.map((p) => p.text).join('')).toBe('…城镇燃气安全…');
  });
  test('marks the hit where it stands even when full-width letters or spaces come before it', () => {
    const text = 'ＡＢＣ 企业　落实 燃气 报警装置';
    const parts = excerpt(text, ['燃气'], 40)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['燃气']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
  test('marks a term the text writes with a space inside', () => {
    const parts = excerpt('组织安装燃 气泄漏报警装置', ['燃气'], 40)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['燃 气']);
  });
  test('returns null when no term occurs', () => {
    expect(excerpt('深化城镇燃气专项治理', ['安康杯'])).toBeNull();
  });
});
