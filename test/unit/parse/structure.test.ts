import { describe, expect, test } from 'vitest';
import { parsePlan } from '../../../src/parse/index.ts';

const FRONT = `---
id: changning
name: 长宁区
title: 长宁区安全生产治本攻坚三年行动实施方案（2024—2026年）
jurisdiction: [上海市, 长宁区]
level: 区
issuer: 长宁区安全生产委员会
docNumber: 长安委〔2024〕5号
issuedOn: "2024-04-19"
period: [2024, 2026]
---
`;
const parse = (body: string) => parsePlan(FRONT + body, 'content/plans/changning.md');
const rules = (body: string) => parse(body).messages.map((m) => m.rule);

describe('parsePlan structure', () => {
  test('puts blocks before the # title in the cover and the rest in the body', () => {
    const { plan } = parse('长安委〔2024〕5号\n\n# 长宁区安全生产治本攻坚三年行动实施方案（2024—2026年）\n\n### （一）开展安全生产责任体系提升行动。\n\n1. 进一步强化党委政府责任。\n');
    expect(plan?.cover.map((b) => b.kind)).toEqual(['paragraph']);
    expect(plan?.body.map((b) => b.kind)).toEqual(['heading', 'action', 'task']);
    expect(plan?.actions[0]).toMatchObject({ index: 1, ordinal: '（一）', title: '开展安全生产责任体系提升行动', series: null, tasks: [1] });
  });

  test('keeps the task number as written and reports the gap', () => {
    const result = parse('# 方案\n\n### （一）行动\n\n12. 第一项。\n\n14. 第二项。\n');
    expect(result.plan?.tasks.map((t) => t.number)).toEqual([12, 14]);
    expect(result.messages.find((m) => m.rule === 'task-number-gap' && m.line === 18)?.message).toBe('任务 14 接在任务 12 之后，缺少 13');
  });

  test('reads a table numbered on from the listed tasks as more tasks, even when a row repeats words of an earlier task', () => {
    const body = [
      '# 方案',
      '',
      '### （一）开展重大事故隐患判定标准体系提升行动',
      '',
      '1. 贯彻执行重大事故隐患判定标准，完善重大事故隐患判定标准汇编。',
      '',
      '2. 健全重大事故隐患自查自改常态化机制。',
      '',
      '### （二）开展重大事故隐患动态清零行动',
      '',
      '| 序号 | 工作任务 | 责任单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 3 | 健全重大事故隐患自查自改常态化机制，完善全员安全生产岗位责任制。 | 区住建局 | 2025年底前 |',
      '| 4 | 制定完善重大事故隐患治理督办制度。 | 区商务局 | 2025年6月底前 |',
      '',
    ].join('\n');
    const result = parse(body);
    expect(result.plan?.tasks.map((t) => [t.number, t.action])).toEqual([[1, 1], [2, 1], [3, 2], [4, 2]]);
    expect(result.plan?.tasks[2]?.units.map((u) => u.name)).toEqual(['区住建局']);
    expect(result.messages).toEqual([]);
  });

  test('reads a header row repeated inside a table (a table set over several pages) as no task', () => {
    const body = [
      '# 方案',
      '',
      '### （一）开展重大事故隐患动态清零行动',
      '',
      '| 序号 | 工作任务 | 责任单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 健全重大事故隐患自查自改常态化机制。 | 区住建局 | 2025年底前 |',
      '| 序 号 | 工作任务 | 责任单位 | 完成时限 |',
      '| 2 | 制定完善重大事故隐患治理督办制度。 | 区商务局 | 2025年6月底前 |',
      '',
    ].join('\n');
    const result = parse(body);
    expect(result.plan?.tasks.map((t) => [t.number, t.units.map((u) => u.name)])).toEqual([[1, ['区住建局']], [2, ['区商务局']]]);
    expect(result.messages).toEqual([]);
  });

  test('reports a duplicate task number without dropping either task', () => {
    const result = parse('# 方案\n\n### （一）行动\n\n1. 第一项。\n2. 第二项。\n2. 第三项。\n');
    expect(result.plan?.tasks).toHaveLength(3);
    expect(result.messages.map((m) => m.rule)).toEqual(['task-number-duplicate']);
  });

  test('reports a task outside any action', () => {
    expect(rules('# 方案\n\n## 二、主要任务\n\n1. 没有行动标题的任务。\n\n### （一）行动\n\n2. 第二项。\n')).toContain('task-outside-action');
  });

  test('treats an ordinal heading without tasks as a plain heading', () => {
    const { plan } = parse('# 方案\n\n### （一）行动\n\n1. 任务。\n\n## 五、保障措施\n\n### （一）加强组织领导\n\n成立工作专班。\n');
    expect(plan?.actions).toHaveLength(1);
    expect(plan?.body.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toContain('（一）加强组织领导');
  });

  test('reports a second # heading', () => {
    expect(rules('# 方案\n\n# 另一个标题\n\n### （一）行动\n\n1. 任务。\n')).toContain('multiple-titles');
  });

  test('reports a plan without tasks but still builds it', () => {
    const result = parse('# 方案\n\n正文。\n');
    expect(result.plan?.tasks).toEqual([]);
    expect(result.messages.map((m) => m.rule)).toEqual(['no-tasks']);
  });

  test('shows raw HTML as text', () => {
    const { plan } = parse('# 方案\n\n<script>alert(1)</script>\n\n### （一）行动\n\n1. 任务<b>加粗</b>。\n');
    expect(plan?.body[1]).toMatchObject({ kind: 'paragraph', text: '<script>alert(1)</script>' });
    expect(plan?.tasks[0]?.text).toBe('任务<b>加粗</b>。');
  });

  test('joins the paragraphs of a task with a newline', () => {
    const { plan } = parse('# 方案\n\n### （一）行动\n\n1. **标题**。第一段。\n\n   第二段。\n');
    expect(plan?.tasks[0]).toMatchObject({ title: '标题', titleSource: 'marked', text: '标题。第一段。\n第二段。', paragraphs: ['标题。第一段。', '第二段。'] });
  });

  test('gives each task its id, url and place', () => {
    const { plan } = parse('# 方案\n\n### （一）行动\n\n1. 任务。\n');
    expect(plan?.tasks[0]).toMatchObject({ id: 'changning-1', url: '/plans/changning/tasks/1/', place: { line: 16, column: 1 }, deadlineYear: 2026, deadlineExplicit: false });
  });

  test('reads the plan lead from a paragraph outside the tasks and copies it onto no task', () => {
    const { plan } = parse('# 方案\n\n## 二、组织领导\n\n由街道安全生产委员会牵头负责此次治本攻坚三年行动的工作推进，下设工作专班办公室。\n\n### （一）行动\n\n1. 任务。\n');
    expect(plan?.lead).toEqual({ name: '街道安全生产委员会', text: '由街道安全生产委员会牵头负责此次治本攻坚三年行动的工作推进' });
    expect(plan?.tasks[0]?.units).toEqual([]);
  });
});
