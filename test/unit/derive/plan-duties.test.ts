import { describe, expect, test } from 'vitest';
import { planDuties } from '../../../src/derive/plan-duties.ts';
import { loadPlans } from '../../../src/load/plans.ts';
import { plan } from './plans.ts';

const { plans } = await loadPlans('content/plans');
const byId = (id: string) => plans.find((p) => p.id === id)!;
const starts = (id: string) => planDuties(byId(id)).map((d) => `${d.line} ${d.section} ${d.text.slice(0, 14)}`);

describe('planDuties', () => {
  test('quotes the 任务分工 bodies of 长宁 and 庙行 and the 组织领导 sentence that 区安委会办公室 carries the daily work', () => {
    expect(starts('changning')).toEqual([
      '53 二、组织领导 三年行动日常组织、协调调度工',
      '61 三、任务分工 （一）区安委会负责制定本区安',
      '61 三、任务分工 区安委会办公室负责指导区安委',
    ]);
    expect(starts('miaohang')).toEqual([
      '37 二、任务分工 （一）镇安委会负责制定本镇安',
      '37 二、任务分工 镇安委会办公室负责指导镇安委',
    ]);
  });

  test('finds 浦兴路 街道城运中心（应急管理中心） and the 岳阳 安委办 and 湘乡 工作专班 in their 组织领导 / 保障措施', () => {
    expect(planDuties(byId('puxinglu')).map((d) => d.text)).toContain('街道城运中心（应急管理中心）负责本次工作的牵头组织、数据汇总和上报。');
    expect(planDuties(byId('yueyang')).map((d) => d.text)).toEqual(['街道安委办负责制定并实施岳阳街道安全生产治本攻坚三年行动方案。']);
    expect(starts('xiangxiang')).toEqual(['101 四、保障措施 领导小组办公室设市应急管理局']);
  });

  test('quotes whole sentences as written, each from a paragraph of the plan', () => {
    for (const p of plans) {
      for (const d of planDuties(p)) {
        const paragraph = p.body.find((b) => b.kind === 'paragraph' && b.place.line === d.line);
        expect(paragraph && 'text' in paragraph && paragraph.text.includes(d.text)).toBe(true);
        expect(d.text).toMatch(/[。]$/u);
      }
    }
  });

  test('never reads a task, nor a 负责 sentence outside the organisation sections', () => {
    const body = [
      { kind: 'heading' as const, depth: 2, text: '一、总体要求', place: { line: 3, column: 1 } },
      { kind: 'paragraph' as const, text: '区安委会负责统筹。', place: { line: 4, column: 1 } },
      { kind: 'heading' as const, depth: 2, text: '二、组织领导', place: { line: 5, column: 1 } },
      { kind: 'paragraph' as const, text: '各部门主要负责同志要亲自部署。区应急局负责汇总。', place: { line: 6, column: 1 } },
      { kind: 'action' as const, index: 1, place: { line: 7, column: 1 } },
      { kind: 'paragraph' as const, text: '区安委办负责督导。', place: { line: 8, column: 1 } },
    ];
    expect(planDuties(plan('x', [{ number: 1 }], { body })).map((d) => d.text)).toEqual(['区应急局负责汇总。']);
  });
});
