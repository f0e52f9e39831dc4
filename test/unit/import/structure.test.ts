import { describe, expect, test } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { importPlan } from '../../../src/import/index.ts';
import { PLAN_IDS, parseMarkdown, rawPlan } from './plans.ts';

/** The last task number of each action, in order, read off the source documents. */
const ACTIONS: Record<string, number[]> = {
  yueyang: [5, 12, 17, 18, 21, 23, 28, 30, 32, 35],
  miaohang: [5, 8, 9, 10, 13, 17, 20, 22, 27, 29],
  changning: [5, 8, 9, 11, 14, 18, 21, 23, 28, 30],
  xiangxiang: [1, 4, 9, 11, 14, 15, 18, 20],
  puxinglu: [3, 5, 6, 7, 8, 11, 14, 16, 19, 21, 25, 27],
};

interface Outline {
  title: string[];
  series: string[];
  actions: { heading: string; tasks: number[] }[];
}

function outline(markdown: string): Outline {
  const tree = parseMarkdown(markdown);
  const out: Outline = { title: [], series: [], actions: [] };
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) out.title.push(toString(node));
    if (node.type === 'heading' && node.depth === 3) {
      const text = toString(node);
      if (/^（[一二三四五六七八九十]+）/.test(text)) out.actions.push({ heading: text, tasks: [] });
      else out.series.push(text);
    }
    if (node.type === 'list') {
      expect(node.ordered).toBe(true);
      const action = out.actions.at(-1);
      expect(action).toBeDefined();
      for (const item of node.children) {
        action!.tasks.push(Number(/^(\d+)\./.exec(markdown.slice(item.position!.start.offset!))![1]));
      }
    }
  }
  return out;
}

describe('importPlan structure', () => {
  for (const id of PLAN_IDS) {
    test(`puts each numbered task of ${id} under its action, in order`, () => {
      const { markdown } = importPlan(rawPlan(id), { id, path: `${id}.txt` });
      const { title, actions } = outline(markdown!);
      expect(title).toHaveLength(1);
      expect(actions.map((a) => a.tasks.at(-1))).toEqual(ACTIONS[id]);
      const numbers = actions.flatMap((a) => a.tasks);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    });
  }

  test('names the two series of yueyang as headings without ordinal', () => {
    const { markdown } = importPlan(rawPlan('yueyang'), { id: 'yueyang', path: 'yueyang.txt' });
    expect(outline(markdown!).series).toEqual(['8项“常态化行动”', '专项化行动']);
    expect(markdown).toContain('\n\n上海市松江区岳阳街道办事处文件\n\n');
  });

  test('keeps numbered paragraphs outside the task sections as paragraphs', () => {
    const { markdown } = importPlan(rawPlan('miaohang'), { id: 'miaohang', path: 'miaohang.txt' });
    expect(markdown).toMatch(/\n\n（一）镇安委会负责制定/);
    expect(markdown).toMatch(/\n\n（一）加强组织领导。在镇安委会/);
  });

  test('marks a title line of its own as the lead phrase, punctuation outside', () => {
    const { markdown } = importPlan(rawPlan('puxinglu'), { id: 'puxinglu', path: 'puxinglu.txt' });
    expect(markdown).toContain('1. **进一步强化街道党工委办事处责任**。深入贯彻落实');
  });

  test('leaves a task without a clear lead phrase unmarked', () => {
    const { markdown } = importPlan(rawPlan('changning'), { id: 'changning', path: 'changning.txt' });
    expect(markdown).toContain('1. 进一步强化党委政府责任，深入贯彻落实');
  });

  test('re-joins page breaks inside a sentence and inside a unit name', () => {
    const yueyang = importPlan(rawPlan('yueyang'), { id: 'yueyang', path: 'yueyang.txt' }).markdown!;
    expect(yueyang).toContain('强烈意愿和能力水平，推动重大事故隐患动态清零');
    const xiangxiang = importPlan(rawPlan('xiangxiang'), { id: 'xiangxiang', path: 'xiangxiang.txt' }).markdown!;
    expect(xiangxiang).toContain('市商务局');
    const changning = importPlan(rawPlan('changning'), { id: 'changning', path: 'changning.txt' }).markdown!;
    expect(changning).toContain('第114次会议');
    expect(changning).toContain('2024年底前基本消除2023年及以前');
    expect(changning).not.toContain('此页无正文');
  });
});

describe('importPlan front matter', () => {
  const expected: Record<string, string[]> = {
    yueyang: ['jurisdiction: [上海市, 松江区, 岳阳街道]', 'level: 街道', 'issuer: 岳阳街道办事处', 'docNumber: 松府岳办〔2024〕13号', 'issuedOn: null'],
    miaohang: ['jurisdiction: [上海市, 宝山区, 庙行镇]', 'level: 镇', 'issuer: 庙行镇人民政府', 'docNumber: 宝庙府〔2024〕5号', 'issuedOn: "2024-03-22"'],
    changning: ['jurisdiction: [上海市, 长宁区]', 'level: 区', 'issuer: 长宁区安全生产委员会', 'docNumber: 长安委〔2024〕5号', 'issuedOn: "2024-04-19"'],
    xiangxiang: ['jurisdiction: [湖南省, 湘潭市, 湘乡市]', 'level: 县级市', 'issuer: 湘乡市安全生产委员会', 'docNumber: 湘乡安发〔2024〕2号', 'issuedOn: "2024-04-03"'],
    puxinglu: ['jurisdiction: [上海市, 浦东新区, 浦兴路街道]', 'level: 街道', 'issuer: 浦兴路街道办事处', 'docNumber: 浦浦办〔2024〕5号', 'issuedOn: "2024-04-22"'],
  };
  for (const id of PLAN_IDS) {
    test(`fills ${id}'s front matter from what its text states`, () => {
      const { markdown } = importPlan(rawPlan(id), { id, path: `${id}.txt` });
      const front = markdown!.split('\n---\n')[0]!;
      for (const line of expected[id]!) expect(front).toContain(`\n${line}`);
      expect(front).toContain('\nperiod: [2024, 2026]');
    });
  }
});

describe('importPlan tables', () => {
  test('drops a header row repeated inside a table, also one whose cell a PDF cut short (完成时 for 完成时限)', () => {
    const text = [
      '青溪镇安全生产治本攻坚三年行动2025年度任务清单',
      '',
      '一、责任体系',
      '',
      '序号\t工作任务\t牵头单位\t完成时限',
      '1\t压实属地责任\t镇应急办\t2025年3月底前',
      '二、重点整治',
      '序号\t工作任务\t牵头单位\t完成时',
      '2\t燃气安全整治\t镇城建中心\t2025年9月底前',
      '',
    ].join('\n');
    const result = importPlan(new TextEncoder().encode(text), { id: 'qingxi', path: 'qingxi.txt' });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const rows = result.markdown!.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toEqual([
      '| 序号 | 工作任务 | 牵头单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 压实属地责任 | 镇应急办 | 2025年3月底前 |',
      '| 二、重点整治 |  |  |  |',
      '| 2 | 燃气安全整治 | 镇城建中心 | 2025年9月底前 |',
    ]);
  });
});
