import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadPlans } from '../../../src/load/plans.ts';

// The five real plans in content/plans: the counts a reader checks by hand.
const present = existsSync('content/plans/yueyang.md');

describe.skipIf(!present)('loadPlans on content/plans', async () => {
  const { plans, messages } = await loadPlans('content/plans');
  const byId = new Map(plans.map((plan) => [plan.id, plan]));

  test('loads the five plans in file-name order without errors', () => {
    expect(plans.map((p) => p.id)).toEqual(['changning', 'miaohang', 'puxinglu', 'xiangxiang', 'yueyang']);
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  test.each([
    ['yueyang', 35], ['miaohang', 29], ['changning', 30], ['xiangxiang', 20], ['puxinglu', 27],
  ])('finds every task of %s (%i), numbered 1…n', (id, count) => {
    expect(byId.get(id)?.tasks.map((t) => t.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  test('puts yueyang tasks under 10 actions in two series', () => {
    const actions = byId.get('yueyang')?.actions ?? [];
    expect(actions.map((a) => `${a.series}${a.ordinal}`)).toEqual([
      ...['一', '二', '三', '四', '五', '六', '七', '八'].map((n) => `常态化行动（${n}）`),
      '专项化行动（一）', '专项化行动（二）',
    ]);
    expect(actions.map((a) => a.tasks.length)).toEqual([5, 7, 5, 1, 3, 2, 5, 2, 2, 3]);
  });

  test('gives every xiangxiang task stated units and none to the Shanghai plans except where the text names them', () => {
    expect(byId.get('xiangxiang')?.tasks.every((t) => t.units.length > 0)).toBe(true);
    expect(byId.get('xiangxiang')?.tasks[0]?.units.map((u) => u.clause).filter((c, i, all) => all.indexOf(c) === i)).toHaveLength(7);
    expect(byId.get('changning')?.tasks.flatMap((t) => t.units)).toEqual([]);
    expect(byId.get('yueyang')?.tasks.filter((t) => t.units.length > 0).map((t) => t.number)).toEqual([8]);
  });

  test('keeps the puxinglu lead on the plan', () => {
    expect(byId.get('puxinglu')?.lead?.name).toBe('街道安全生产委员会');
  });
});
