import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importPlan } from '../../../src/import/index.ts';
import { fixturePath, rawPlan } from './plans.ts';

const CASES = readdirSync(fixturePath('.'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(fixturePath(d.name, 'input.txt')))
  .map((d) => d.name);

function run(name: string) {
  return importPlan(readFileSync(fixturePath(name, 'input.txt')), { id: 'puxinglu', path: `${name}/input.txt` });
}

function summary(name: string) {
  const result = run(name);
  return {
    markdown: result.markdown === null ? null : `${result.markdown.split('\n').length} lines`,
    messages: result.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.rule}`),
  };
}

describe('importPlan on bad and unusual inputs (test/fixtures/import/<case>)', () => {
  for (const name of CASES) {
    test(`gives the reviewed messages for ${name} without throwing`, () => {
      const actual = summary(name);
      const file = fixturePath(name, 'expected.json');
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }

  const reference = importPlan(rawPlan('puxinglu'), { id: 'puxinglu', path: 'x' }).markdown;
  for (const name of ['gbk', 'utf16le-bom', 'utf16be', 'utf8-bom-crlf', 'cr-only', 'page-numbers', 'marker-forms']) {
    test(`imports ${name} to the same Markdown as the UTF-8 original`, () => {
      const result = run(name);
      expect(result.messages).toEqual([]);
      expect(result.markdown).toBe(reference);
    });
  }

  test('decodes GB18030 text that holds characters outside GBK', () => {
    const result = importPlan(readFileSync(fixturePath('gb18030', 'input.txt')), { id: 'xiangxiang', path: 'x' });
    expect(result.markdown).toBe(importPlan(rawPlan('xiangxiang'), { id: 'xiangxiang', path: 'x' }).markdown);
  });

  test('rejects empty and whitespace-only input with an error and no Markdown', () => {
    for (const name of ['empty', 'whitespace-only']) {
      const result = run(name);
      expect(result.markdown).toBeNull();
      expect(result.messages.map((m) => [m.rule, m.severity, m.line])).toEqual([['import-empty-input', 'error', 1]]);
      expect(result.messages[0]!.hint).not.toBe('');
    }
  });

  test('rejects binary input with an error and no Markdown', () => {
    const result = run('binary');
    expect(result.markdown).toBeNull();
    expect(result.messages.map((m) => [m.rule, m.severity])).toEqual([['import-binary-input', 'error']]);
  });

  test('warns at the last raw line when the text stops mid-sentence', () => {
    const result = run('truncated');
    const lines = readFileSync(fixturePath('truncated', 'input.txt'), 'utf8').split('\n').length;
    const warning = result.messages.find((m) => m.rule === 'import-truncated');
    expect(warning).toMatchObject({ severity: 'warning', line: lines });
    expect(result.markdown).toMatch(/9\. \*\*完善重大事故隐患自查自改常态机制\*\*。督促企业主要负责人每季度\n$/);
  });

  test('fails with no Markdown when the text ends before any numbered task', () => {
    const result = run('truncated-before-tasks');
    expect(result.markdown).toBeNull();
    expect(result.messages.map((m) => m.rule)).toContain('import-no-tasks');
  });

  test('refuses a duplicated task number at its raw line, as check would, and never renumbers', () => {
    const result = run('duplicate-numbers');
    const duplicate = result.messages.filter((m) => m.rule === 'import-task-number-duplicate');
    expect(duplicate.map((m) => [m.line, m.column, m.severity])).toEqual([[53, 1, 'error']]);
    expect(result.markdown).toBeNull();
  });

  test('escapes Markdown characters so the text survives as data', () => {
    const markdown = run('markdown-characters').markdown!;
    expect(markdown).toContain('督促\\*辖区\\*企业\\_单位\\_每年\\[至少\\]\\<组织\\>开展\\|一次\\`疏');
    expect(markdown).toContain('\\# 持续完善街道领导班子');
  });
});
