import { describe, expect, test } from 'vitest';
import { buildUnitIndex, unitCounts, unitHref, unitSlug, unitsWithTasks } from '../../../src/derive/units.ts';
import { loadPlans } from '../../../src/load/plans.ts';
import { milestone, plan, unit } from './plans.ts';

describe('unitSlug', () => {
  test('keeps a Chinese unit name as it is', () => {
    expect(unitSlug('市应急管理局')).toBe('市应急管理局');
  });

  test('replaces slashes, question marks, hashes, percent signs and spaces with dashes', () => {
    expect(unitSlug('区应急局/消防 救援?队#1%')).toBe('区应急局-消防-救援-队-1-');
  });

  test('normalises to NFC so the same name always gives the same slug', () => {
    expect(unitSlug('Cafe\u0301局')).toBe(unitSlug('Café局'));
  });

  test('gives an href with the name URL-encoded', () => {
    expect(unitHref('各乡镇（街道）')).toBe(encodeURI('/units/各乡镇（街道）/'));
  });
});

describe('buildUnitIndex', () => {
  const plans = [
    plan('a', [
      { number: 1, units: [unit('市应急管理局'), unit('各乡镇（街道）', 'implement')], milestones: [milestone(2024)] },
      { number: 2, units: [unit('市应急管理局', 'support'), unit('市应急管理局', 'support')] },
    ]),
    plan('b', [{ number: 1, units: [unit('区应急局')] }], { lead: { name: '街道安委会', text: '由街道安委会牵头。' } }),
  ];

  test('lists every unit with each task it is named in and its role there', () => {
    const index = buildUnitIndex(plans, []);
    const e = index.byName('市应急管理局')!;
    expect(e.tasks.map((t) => [t.plan, t.number, t.role])).toEqual([
      ['a', 1, 'lead'],
      ['a', 2, 'support'],
    ]);
    expect(e.roles).toEqual(['lead', 'support']);
  });

  test('counts a unit named twice with the same role in one task once', () => {
    expect(buildUnitIndex(plans, []).byName('市应急管理局')!.tasks).toHaveLength(2);
  });

  test('records the years a task falls due: each milestone year and the deadline year', () => {
    const e = buildUnitIndex(plans, []).byName('各乡镇（街道）')!;
    expect(e.tasks[0]!.years).toEqual([2024, 2026]);
  });

  test('lists a plan-level lead as such without giving it tasks', () => {
    const e = buildUnitIndex(plans, []).byName('街道安委会')!;
    expect(e.leads).toEqual(['b']);
    expect(e.tasks).toEqual([]);
  });

  test('puts units of one curated group together and drops members no plan names', () => {
    const index = buildUnitIndex(plans, [{ name: '应急管理部门', note: null, members: ['市应急管理局', '区应急局', '县应急局'] }]);
    expect(index.groups).toEqual([{ name: '应急管理部门', note: null, members: ['市应急管理局', '区应急局'] }]);
    expect(index.byName('区应急局')!.group?.name).toBe('应急管理部门');
    expect(index.byName('各乡镇（街道）')!.group).toBeNull();
  });

  test('finds a unit by its slug', () => {
    expect(buildUnitIndex(plans, []).get(unitSlug('各乡镇（街道）'))?.name).toBe('各乡镇（街道）');
  });
});

describe('unitCounts', () => {
  test('splits the units of the five plans into those named in tasks (one PDF each) and those named only as a plan lead', async () => {
    const { plans } = await loadPlans('content/plans');
    const index = buildUnitIndex(plans, []);
    const counts = unitCounts(index, plans);
    expect(counts.total).toBe(counts.withTasks + counts.leadOnly);
    expect(counts.withTasks).toBe(unitsWithTasks(index).length);
    expect(counts.leadOnly).toBe(1); // 浦兴路's 街道安全生产委员会
    expect(Object.fromEntries(counts.perPlan.map((c) => [c.plan, c.units]))).toMatchObject({ miaohang: 0, changning: 0, puxinglu: 1 });
  });
});
