import { describe, expect, test } from 'vitest';
import { importPlan } from '../../../src/import/index.ts';
import { parsePlan } from '../../../src/parse/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const run = (text: string, id = 'jiading') => importPlan(bytes(text), { id, path: `${id}.txt` });

/** A short plan in the common shape, with the task lines given. */
function plan(tasks: string): string {
  return [
    '嘉定区安全生产治本攻坚三年行动工作方案（2024—2026年）',
    '',
    '为推动全区安全生产形势持续稳定向好，制定本方案。',
    '',
    '一、主要任务',
    '',
    '（一）开展安全生产责任落实行动',
    '',
    tasks,
    '',
    '二、保障措施',
    '',
    '各单位要加强组织领导，确保各项任务落到实处。',
  ].join('\n');
}

describe('importPlan on edge shapes', () => {
  test('lists the lines it considered when no title can be found, with the reason for each', () => {
    const result = run('关于做好安全生产工作的通知\n\n各街道、镇：\n\n现将有关事项通知如下。\n\n1. 压实安全责任。各单位要落实主体责任。\n');
    expect(result.markdown).toBeNull();
    const error = result.messages.find((m) => m.rule === 'import-no-title')!;
    expect(error.message).toContain('第 1 行“关于做好安全生产工作的通知”');
    expect(error.message).toContain('第 5 行“现将有关事项通知如下。”：含有句内标点');
    expect(error.hint).toMatch(/单独放在一行/);
  });

  test('keeps the issuing body printed above the title out of the title, but joins a line that cannot stand alone', () => {
    const body = '\n\n一、主要任务\n\n1. 压实属地管理责任。各社区每季度至少召开一次安全生产专题会议。\n';
    const titleOf = (cover: string) => {
      const { plan: model } = parsePlan(run(cover + body, 'zhoujiadu').markdown!, 'content/plans/zhoujiadu.md');
      return model!.title;
    };
    expect(titleOf('浦东新区周家渡街道安全生产委员会\n\n周家渡街道2025年安全生产治本攻坚重点任务清单')).toBe('周家渡街道2025年安全生产治本攻坚重点任务清单');
    expect(titleOf('中共周家渡街道工作委员会\n周家渡街道办事处\n周家渡街道2025年安全生产工作要点')).toBe('周家渡街道2025年安全生产工作要点');
    expect(titleOf('周家渡街道安全生产委员会\n2025年工作要点')).toBe('周家渡街道安全生产委员会2025年工作要点');
    expect(titleOf('周家渡街道安全生产治本攻坚三年行动\n实施方案（2024—2026年）')).toBe('周家渡街道安全生产治本攻坚三年行动实施方案（2024—2026年）');
  });

  test('names every body issuing jointly, stacked at the top of the cover or above the closing date', () => {
    const body = '\n\n一、主要任务\n\n1. 压实属地管理责任。各乡镇每季度至少召开一次安全生产专题会议。\n';
    const issuerOf = (text: string) => parsePlan(run(text, 'youxian').markdown!, 'content/plans/youxian.md').plan!.issuer;
    const title = '攸县安全生产治本攻坚三年行动实施方案（2024—2026年）';
    expect(issuerOf(`中共攸县县委办公室\n攸县人民政府办公室\n\n攸办发〔2024〕9号\n\n${title}${body}`)).toBe('中共攸县县委办公室、攸县人民政府办公室');
    expect(issuerOf(`${title}${body}\n中共攸县县委办公室\n攸县人民政府办公室\n2024年4月18日\n`)).toBe('中共攸县县委办公室、攸县人民政府办公室');
    expect(issuerOf(`${title}${body}\n攸县安全生产委员会办公室\n2024年4月18日\n`)).toBe('攸县安全生产委员会办公室');
  });

  test('reads a red header set as a two-column table (body TAB 文件) as the joint issuers, and writes no TAB', () => {
    const text = '中共山阳镇委员会\t文件\n山阳镇人民政府\t文件\n\n山委〔2024〕12号\n\n山阳镇安全生产治本攻坚三年行动实施方案（2024—2026年）\n\n一、主要任务\n\n1. 压实属地管理责任。各村每季度至少召开一次安全生产专题会议。\n';
    const result = run(text, 'shanyang');
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(result.markdown).not.toMatch(/\t/u);
    expect(parsePlan(result.markdown!, 'content/plans/shanyang.md').plan!.issuer).toBe('中共山阳镇委员会、山阳镇人民政府');
  });

  test('reads a task number written with leading zeros as the number, with a warning', () => {
    const result = run(plan('007. 压实属地管理责任。各街镇每季度至少召开一次安全生产专题会议。'));
    expect(result.messages.find((m) => m.rule === 'import-task-number-leading-zero')).toMatchObject({ severity: 'warning', line: 9 });
    expect(result.messages.find((m) => m.rule === 'import-task-number-gap')).toMatchObject({ severity: 'error' });
  });

  test('refuses a task numbered 0 at its line', () => {
    const result = run(plan('0. 压实属地管理责任。各街镇每季度至少召开一次安全生产专题会议。\n\n1. 压实部门监管责任。各部门按职责加强监管。'));
    expect(result.markdown).toBeNull();
    expect(result.messages.find((m) => m.rule === 'import-task-number-zero')).toMatchObject({ severity: 'error', line: 9, column: 1 });
  });

  test('reads four-digit task numbers as tasks, never merging them into the task before', () => {
    const items = Array.from({ length: 1001 }, (_, i) => `${i + 1}. 开展第${i + 1}项排查整治工作。`).join('\n\n');
    const result = run(plan(items));
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const { plan: model } = parsePlan(result.markdown!, 'content/plans/jiading.md');
    expect(model!.tasks).toHaveLength(1001);
    expect(model!.tasks.at(-1)).toMatchObject({ number: 1001, title: '开展第1001项排查整治工作' });
  });

  test('writes planbook Markdown given back to it unchanged, and says so', () => {
    const first = run(plan('1. 压实属地管理责任。各街镇每季度至少召开一次安全生产专题会议。'));
    const again = run(first.markdown!);
    expect(again.markdown).toBe(first.markdown);
    expect(again.messages.map((m) => m.rule)).toEqual(['import-planbook-roundtrip']);
  });

  test('refuses planbook Markdown whose id is not the one asked for', () => {
    const first = run(plan('1. 压实属地管理责任。各街镇每季度至少召开一次安全生产专题会议。'));
    const again = run(first.markdown!, 'other');
    expect(again.markdown).toBeNull();
    expect(again.messages[0]).toMatchObject({ rule: 'import-planbook-id', severity: 'error' });
  });

  test('refuses a plan whose period the text never states, rather than assuming one', () => {
    const result = run('嘉定区消防安全专项整治方案\n\n为加强消防安全，制定本方案。\n\n一、主要任务\n\n1. 开展高层建筑消防安全排查。每季度开展一次。\n');
    expect(result.markdown).toBeNull();
    expect(result.messages.find((m) => m.rule === 'import-no-period')).toMatchObject({ severity: 'error' });
  });

  test('keeps sub-items （1）（2） and ① inside the task they belong to', () => {
    const result = run(plan('1. 压实属地管理责任。各街镇要做到：\n（1）制定职责清单；\n（2）每季度召开专题会议。\n①会议要有记录。\n\n2. 压实部门监管责任。各部门按职责加强监管。'));
    const { plan: model } = parsePlan(result.markdown!, 'content/plans/jiading.md');
    expect(model!.tasks.map((t) => t.number)).toEqual([1, 2]);
    expect(model!.tasks[0]!.text).toContain('（2）每季度召开专题会议。');
    expect(model!.tasks[0]!.text).toContain('①会议要有记录。');
  });

  test('keeps Word’s `1）` sub-points inside a `1.` task, or inside a `（1）` task', () => {
    for (const [task, next] of [['1. ', '2. '], ['（1）', '（2）']]) {
      const result = run(plan(`${task}压实属地管理责任。各街镇要做到：\n1）制定职责清单；\n2）每季度召开专题会议。\n\n${next}压实部门监管责任。各部门按职责加强监管。`));
      const { plan: model, messages } = parsePlan(result.markdown!, 'content/plans/jiading.md');
      expect(model!.tasks.map((t) => t.number)).toEqual([1, 2]);
      expect(model!.tasks[0]!.text).toContain('2）每季度召开专题会议。');
      expect(messages.filter((m) => m.rule === 'unbalanced-bracket')).toEqual([]);
    }
  });

  test('reads `1）` items as the tasks of a plan that numbers nothing finer', () => {
    const result = run(plan('1）压实属地管理责任。各街镇要制定职责清单。\n\n2）压实部门监管责任。各部门按职责加强监管。'));
    const { plan: model } = parsePlan(result.markdown!, 'content/plans/jiading.md');
    expect(model!.tasks.map((t) => [t.number, t.title])).toEqual([[1, '压实属地管理责任'], [2, '压实部门监管责任']]);
  });

  test('points a problem the check finds in the written Markdown at the input line it came from', () => {
    const table = ['序号\t工作任务\t责任单位\t完成时限', '1\t开展燃气整治。\t区建管委\t2024年底前', 'A-2\t开展消防整治。\t区消防救援支队\t2025年底前'].join('\n');
    const text = plan(table);
    const result = run(text);
    expect(result.markdown).toBeNull();
    const [failed] = result.messages.filter((m) => m.rule === 'import-check-failed');
    expect(text.split('\n')[failed!.line - 1]).toMatch(/^A-2\t/);
  });
});
