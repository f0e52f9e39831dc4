import { describe, expect, test } from 'vitest';
import { inferTitle } from '../../../src/parse/titles.ts';

describe('inferTitle', () => {
  test('takes a short first sentence as the title', () => {
    expect(inferTitle('深化道路交通专项治理。严格落实典型和严重道路交通事故深度调查制度。')).toEqual({ title: '深化道路交通专项治理', titleSource: 'sentence' });
  });

  test('takes the first clause when the first sentence is long', () => {
    expect(inferTitle('进一步夯实属地管理责任，突出社区末梢，推进实施基层应急和安全治理体系和能力建设。强化……')).toEqual({ title: '进一步夯实属地管理责任', titleSource: 'clause' });
  });

  test('does not cut a clause inside quotation marks', () => {
    expect(inferTitle('按照“企业自主开展，政府有效监控指导”要求，落实安全生产标准化管理体系定级制度，积极推动、引导有关行业领域各类企业单位创建安全生产标准化管理体系。').title)
      .toBe('按照“企业自主开展，政府有效监控指导”要求，落实安全生产标准化管理体系定级制度');
  });

  test('keeps a long first clause whole instead of cutting inside a word (长宁 18, 岳阳 35)', () => {
    const clause = '深入开展老旧场所消防设施升级改造、公路安全生命防护工程建设、电梯安全筑底、应急逃生出口和消防车通道打通等工程治理行动';
    expect(inferTitle(`${clause}，组织开展生产经营单位消防安全治理。`)).toEqual({ title: clause, titleSource: 'clause' });
  });

  test('ends a clause past 60 characters after its last whole list item, never inside one', () => {
    const items = ['危险化学品企业', '工贸企业', '建设施工单位', '交通运输企业', '燃气经营单位', '人员密集场所', '老旧小区', '高层建筑', '大型综合体', '物流仓储'];
    const { title } = inferTitle(`督促${items.join('、')}完善隐患排查制度，逐项整改。`);
    expect(title).toMatch(/…$/u);
    expect(items.some((item) => title.slice(0, -1).endsWith(item))).toBe(true);
  });

  test('a lead-in clause (根据《…》) takes the clause that says what is done', () => {
    expect(inferTitle('根据《上海市加快推进韧性安全城市建设的意见》，研究制定本街道推进韧性安全城市建设的具体措施，完善城市安全风险评估。').title)
      .toBe('根据《上海市加快推进韧性安全城市建设的意见》，研究制定本街道推进韧性安全城市建设的具体措施');
  });
});
