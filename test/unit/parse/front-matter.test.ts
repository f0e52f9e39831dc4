import { describe, expect, test } from 'vitest';
import { parsePlan } from '../../../src/parse/index.ts';

const GOOD = ['id: yueyang', 'name: 岳阳街道', 'title: 岳阳街道安全生产治本攻坚三年行动实施方案（2024—2026年）', 'jurisdiction: [上海市, 松江区, 岳阳街道]',
  'level: 街道', 'issuer: 岳阳街道办事处', 'docNumber: 松府岳办〔2024〕13号', 'issuedOn: null', 'period: [2024, 2026]'];
const BODY = '\n# 方案\n\n### （一）行动\n\n1. 任务。\n';
const parse = (lines: string[]) => parsePlan(`---\n${lines.join('\n')}\n---\n${BODY}`, 'content/plans/yueyang.md');

describe('front matter', () => {
  test('accepts the documented keys', () => {
    const result = parse(GOOD);
    expect(result.messages).toEqual([]);
    expect(result.plan).toMatchObject({ id: 'yueyang', period: [2024, 2026], issuedOn: null });
  });

  test('reports an unknown key at its line and still builds the plan', () => {
    const result = parse([...GOOD.slice(0, 3), 'autor: 某人', ...GOOD.slice(3)]);
    expect(result.messages).toMatchObject([{ rule: 'unknown-front-matter-key', line: 5, severity: 'error' }]);
    expect(result.plan).not.toBeNull();
  });

  test('reports a bad value at its line and builds no plan', () => {
    const result = parse(GOOD.map((line) => (line.startsWith('issuedOn') ? 'issuedOn: 2024年4月22日' : line)));
    expect(result.messages).toMatchObject([{ rule: 'front-matter-value', line: 9 }]);
    expect(result.plan).toBeNull();
  });

  test('reports a missing front matter block', () => {
    const result = parsePlan(BODY, 'content/plans/yueyang.md');
    expect(result.plan).toBeNull();
    expect(result.messages.map((m) => m.rule)).toEqual(['front-matter-missing']);
  });

  test('reports an id that differs from the file name', () => {
    expect(parsePlan(`---\n${GOOD.join('\n')}\n---\n${BODY}`, 'content/plans/other.md').messages.map((m) => m.rule)).toEqual(['front-matter-id-mismatch']);
  });
});
