import { describe, expect, test } from 'vitest';
import { buildYearIndex } from '../../../src/derive/years.ts';
import { PAGE_SIZE, pageCount, pageGroups, pageItems, pagerNumbers, yearPageOfPlan, yearPlanHref, yearRows } from '../../../src/site/paging.ts';
import { milestone, plan } from '../derive/plans.ts';

describe('pageCount and pageItems', () => {
  test('cut a listing into pages of a fixed size; an empty listing is one page', () => {
    expect(pageCount(0, 10)).toBe(1);
    expect(pageCount(10, 10)).toBe(1);
    expect(pageCount(11, 10)).toBe(2);
    expect(pageItems([1, 2, 3, 4, 5], 2, 3)).toEqual([5]);
  });
});

describe('pagerNumbers', () => {
  test('shows every page of a short listing', () => {
    expect(pagerNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });
  test('shows the first, the last and two either side of the current page, with gaps marked', () => {
    expect(pagerNumbers(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerNumbers(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pagerNumbers(20, 20)).toEqual([1, null, 18, 19, 20]);
  });
  test('every page is reachable by following the pager from page 1', () => {
    const last = 37;
    const seen = new Set([1]);
    const queue = [1];
    while (queue.length > 0) {
      for (const n of pagerNumbers(queue.shift()!, last)) if (n !== null && !seen.has(n)) seen.add(n), queue.push(n);
    }
    expect(seen.size).toBe(last);
  });
});

describe('pageGroups', () => {
  test('gives each run of a label its count, plans and the pages it spans', () => {
    const rows = ['a', 'a', 'a', 'b', 'c', 'c'].map((label, i) => ({ label, plan: `${label}${i >> 1}` }));
    expect(pageGroups(rows, 2, (r) => r.label, (r) => r.plan, (r) => `x-${r.plan}`)).toEqual([
      { label: 'a', count: 3, plans: 2, first: { page: 1, id: 'x-a0' }, lastPage: 2 },
      { label: 'b', count: 1, plans: 1, first: { page: 2, id: 'x-b1' }, lastPage: 2 },
      { label: 'c', count: 2, plans: 1, first: { page: 3, id: 'x-c2' }, lastPage: 3 },
    ]);
  });
});

describe('yearRows', () => {
  const plans = [
    plan('a', [{ number: 1 }, { number: 2, milestones: [milestone(2026)] }, { number: 3, recurrence: ['每年'] }]),
    plan('b', [{ number: 1, deadlineYear: 2025 }, { number: 2 }]),
  ];
  const entry = buildYearIndex(plans).get(2026)!;
  test('lists per plan the tasks with a milestone that year first, then those due by the deadline, then what recurs', () => {
    expect(yearRows(entry).map((r) => `${r.kind}:${r.plan}-${r.kind === 'due' ? r.item.number : r.task.number}`)).toEqual([
      'due:a-2',
      'due:a-1',
      'due:a-3',
      'due:b-2',
      'recurring:a-3',
    ]);
  });
  test('links a plan to its section on the first year page, and a plan with nothing due to the year', () => {
    expect(PAGE_SIZE.yearTasks).toBeGreaterThan(5);
    expect(yearPageOfPlan(entry, 'b')).toBe(1);
    expect(yearPlanHref(entry, 'b')).toBe('/years/2026/#due-b');
    expect(yearPlanHref(buildYearIndex(plans).get(2025)!, 'a')).toBe('/years/2025/');
  });
});
