import { describe, expect, test } from 'vitest';
import { parsePlan } from '../../../src/parse/index.ts';
import { findDelimiterFlood, MAX_DELIMITER_RUNS } from '../../../src/parse/limits.ts';

const head = ['---', 'id: big', 'name: 测试街道', 'title: 测试街道安全生产治本攻坚三年行动实施方案', 'jurisdiction: [上海市, 测试区, 测试街道]', 'level: 街道', 'issuer: null', 'docNumber: null', 'issuedOn: null', 'period: [2024, 2026]', '---', '', '# 测试街道安全生产治本攻坚三年行动实施方案', '', '## 二、主要任务', '', '### （一）行动一', '', ''].join('\n');
const plan = (paragraph: string) => `${head}1. ${paragraph}。\n`;

describe('inputs the Markdown parser would read in quadratic time', () => {
  test('a paragraph of 100,000 emphasis marks is refused at its line, before parsing', () => {
    const result = parsePlan(plan('*_'.repeat(50_000)), 'big.md');
    expect(result.plan).toBeNull();
    expect(result.messages).toEqual([expect.objectContaining({ rule: 'markdown-too-many-marks', line: 19, column: 1, severity: 'error' })]);
    expect(result.messages[0]!.message).toContain('100000');
  });

  test('counts runs of one mark, escapes excluded, and starts again at each blank line', () => {
    expect(findDelimiterFlood('**粗体**、___、~~删除~~')).toBeNull();
    expect(findDelimiterFlood('\\*'.repeat(MAX_DELIMITER_RUNS + 1))).toBeNull();
    expect(findDelimiterFlood(`${'*a'.repeat(MAX_DELIMITER_RUNS / 2)}\n\n${'*a'.repeat(MAX_DELIMITER_RUNS / 2)}`)).toBeNull();
    expect(findDelimiterFlood(`前言\n\n${'](x'.repeat(MAX_DELIMITER_RUNS)}\n${'_b'.repeat(2)}`)).toEqual({ line: 3, column: 1, runs: MAX_DELIMITER_RUNS + 2 });
  });

  test('the limit is far above what a plan writes: the five seed plans have none close', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const name of readdirSync('content/plans')) {
      expect(findDelimiterFlood(readFileSync(`content/plans/${name}`, 'utf8'))).toBeNull();
    }
  });

  // A megabyte of each hostile shape is read (or refused) whole; the times
  // are in `npm run bench`, here only that each one completes.
  test.each([
    ['unit phrases', '（市应急局牵头）'.repeat(130_000)],
    ['deadlines', '2024年底前，'.repeat(170_000)],
    ['unit labels', '（责任单位：街道平安办；配合单位：各社区居委会）'.repeat(40_000)],
    ['由…负责', '由区应急局负责，'.repeat(130_000)],
    ['open brackets', '【牵头单位】'.repeat(170_000)],
    ['link brackets', '[a'.repeat(500_000)],
  ])('a 1 MB paragraph of %s parses to one task', (_name, paragraph) => {
    const result = parsePlan(plan(paragraph), 'big.md');
    expect(result.plan?.tasks).toHaveLength(1);
  }, 60_000);
});
