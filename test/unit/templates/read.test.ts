import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProject } from '../../../src/check/project.ts';
import { DEFAULT_COLUMNS, taskColumns, taskRows } from '../../../src/export/task-rows.ts';
import { loadTemplates } from '../../../src/templates/load.ts';
import { readTemplate } from '../../../src/templates/read.ts';
import { ChecklistTemplateSchema, ExportsTemplateSchema, SiteTemplateSchema } from '../../../src/templates/schema.ts';
import { loadFixturePlans } from '../export/fixture.ts';

const root = new URL('../../..', import.meta.url).pathname;

describe('the shipped templates', () => {
  test('all check clean, and exports.yml is the default column set', async () => {
    const { templates, messages, files } = await loadTemplates(root);
    expect(messages).toEqual([]);
    expect(files).toBe(6);
    expect(templates!.exports.columns).toEqual(DEFAULT_COLUMNS);
    expect(templates!.site).toEqual({ name: '安全生产治本攻坚三年行动方案库', url: null, base: '/' });
    expect([...templates!.checklists.keys()]).toEqual(['plan', 'progress', 'unit', 'year']);
  });
});

describe('the project gate', () => {
  test('reports a broken template as templates/…:line:col, as planbook check and the build show it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-templates-'));
    try {
      cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
      const file = join(dir, 'templates/checklists/year.yml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('paper: A4 横向', 'paper: A3'));
      const { messages, templates } = await checkProject({ root: dir, plans: [], templates: 'templates' });
      expect(templates).toBeNull();
      expect(messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.rule}`)).toEqual(['templates/checklists/year.yml:19:8 template-invalid']);
      expect(messages[0]!.message).toContain('paper 只能是“A4 纵向”或“A4 横向”');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readTemplate', () => {
  test('names an unknown export column at its line and column, with every valid one', () => {
    const text = 'columns:\n  - { column: id }\n  - { column: 负责人, header: 负责人 }\n';
    const { value, messages } = readTemplate(text, 'templates/exports.yml', ExportsTemplateSchema, 'hint');
    expect(value).toBeNull();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ file: 'templates/exports.yml', line: 3, column: 15, rule: 'template-invalid' });
    expect(messages[0]!.message).toContain('未知的列“负责人”');
    expect(messages[0]!.message).toContain('lead-units、support-units、responsible-units');
  });

  test('points an unknown key at the key itself and a YAML mistake at its place', () => {
    const unknown = readTemplate('name: 库\nbase: /\ncolour: red\n', 'templates/site.yml', SiteTemplateSchema, 'hint');
    expect(unknown.messages.map((m) => [m.line, m.column, m.rule])).toEqual([[3, 1, 'template-invalid']]);
    const broken = readTemplate('name: 库\nbase: [/anquan/\n', 'templates/site.yml', SiteTemplateSchema, 'hint');
    expect(broken.messages[0]).toMatchObject({ rule: 'template-yaml' })
    expect(broken.messages[0]!.line).toBeGreaterThanOrEqual(2);;
  });

  test('refuses a placeholder public URL and normalises the base path', () => {
    const bad = readTemplate('name: 库\nurl: https://planbook.example.org\n', 'templates/site.yml', SiteTemplateSchema, 'hint');
    expect(bad.messages[0]).toMatchObject({ line: 2, column: 6 });
    const good = readTemplate('name: 库\nurl: https://intranet.test/\nbase: anquan\n', 'f', SiteTemplateSchema, 'hint');
    expect(good.value).toEqual({ name: '库', url: 'https://intranet.test', base: '/anquan/' });
  });

  test('checks a checklist: title placeholders, one auto column, widths within the paper', () => {
    const text = [
      'kind: year',
      "title: '{方案}{单位}清单'",
      'paper: A4 纵向',
      'columns:',
      '  - { content: number, width: 1 }',
      '  - { content: task }',
      '  - { content: status, width: 17 }',
      '',
    ].join('\n');
    const { messages } = readTemplate(text, 'templates/checklists/year.yml', ChecklistTemplateSchema, 'hint');
    expect(messages.map((m) => [m.line, m.message])).toEqual([
      [2, 'title：只有 kind: unit 或 progress 的清单能用 {单位}'],
      [5, 'columns：各列宽度合计 18.0 厘米，超过A4 纵向的版心宽度 18.2 厘米（auto 列至少留 2 厘米）'],
    ]);
  });

  test('keeps {截至} and the progress columns to a kind: progress list, each at its place', () => {
    const text = [
      'kind: plan',
      "title: '{方案}进展（截至{截至}）'",
      'columns:',
      '  - { content: task }',
      '  - { content: progress-status, width: 3 }',
      '  - { content: progress-note, width: 5 }',
      '',
    ].join('\n');
    const { messages } = readTemplate(text, 'templates/checklists/plan.yml', ChecklistTemplateSchema, 'hint');
    expect(messages.map((m) => [m.line, m.column, m.message])).toEqual([
      [2, 8, 'title：只有 kind: progress 的清单能用 {截至}'],
      [5, 16, 'columns.1.content：列“progress-status”要用进展填报，只能用于 kind: progress 的清单'],
      [6, 16, 'columns.2.content：列“progress-note”要用进展填报，只能用于 kind: progress 的清单'],
    ]);
    const ok = readTemplate(text.replace('kind: plan', 'kind: progress'), 'f', ChecklistTemplateSchema, 'hint');
    expect(ok.messages).toEqual([]);
  });
});

describe('taskRows with a template', () => {
  test('adds a 配合单位 column and renames a header with no code change', () => {
    const plans = loadFixturePlans();
    const columns = [{ column: 'id' as const }, { column: 'support-units' as const }, { column: 'deadline' as const, header: '时限' }];
    expect(taskColumns({ columns }).map((c) => c.header)).toEqual(['任务编号', '配合单位', '时限']);
    const rows = taskRows(plans, { columns });
    expect(rows[0]).toHaveLength(3);
    expect(rows.some((r) => String(r[1]).length > 0)).toBe(true);
  });
});
