import { describe, expect, test } from 'vitest';
import { formatBytes, formatDate, splitLead, tasksPerYear } from '../../../src/site/format.ts';
import { milestone, plan } from '../derive/plans.ts';

describe('formatDate', () => {
  test('writes an ISO date the Chinese way', () => {
    expect(formatDate('2024-03-22')).toBe('2024年3月22日');
  });
  test('says 未注明 when the plan states no date', () => {
    expect(formatDate(null)).toBe('未注明');
  });
});

describe('splitLead', () => {
  test('splits the lead phrase off the first paragraph when the text starts with it', () => {
    expect(splitLead({ title: '深化专项整治', paragraphs: ['深化专项整治。持续推进……'] })).toEqual({
      lead: '深化专项整治',
      rest: '。持续推进……',
      joined: true,
    });
  });
  test('keeps the whole first paragraph when the title is not part of it', () => {
    expect(splitLead({ title: '深化专项整治', paragraphs: ['持续推进……'] })).toEqual({ lead: '深化专项整治', rest: '持续推进……', joined: false });
  });
});

describe('tasksPerYear', () => {
  test('counts a task in each year it has a milestone and in its deadline year', () => {
    const p = plan('a', [{ number: 1, milestones: [milestone(2024)] }, { number: 2 }]);
    expect(tasksPerYear(p)).toEqual([
      { year: 2024, count: 1 },
      { year: 2025, count: 0 },
      { year: 2026, count: 2 },
    ]);
  });
});

describe('formatBytes', () => {
  test('uses B, KB and MB', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '3.0 MB']);
  });
});
