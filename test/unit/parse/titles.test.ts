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
      .toBe('按照“企业自主开展，政府有效监控指导”要求');
  });
});
