/**
 * Office files as towns hand them over, against what each plan states,
 * written out by hand beside its maker (test/fixtures/office/*.ts): every
 * task, its action, its units with their roles and its deadline year, read
 * through the whole path a user takes (file → importer → parser).
 */
import { describe, expect, test } from 'vitest';
import { importFile } from '../../../../src/import/sources/import-file.ts';
import { parsePlan } from '../../../../src/parse/index.ts';
import { readDocx } from '../../../../src/import/sources/docx.ts';
import { readPdf } from '../../../../src/import/sources/pdf.ts';
import { LVXIANG_EXPECTED } from '../../../fixtures/office/lvxiang.ts';
import { TINGLIN_EXPECTED } from '../../../fixtures/office/tinglin.ts';
import { officeFile } from './fixtures.ts';

async function read(name: string) {
  const result = await importFile(officeFile(name), { id: 'plan', path: name });
  expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
  const { plan, messages } = parsePlan(result.markdown!, 'plan.md');
  return { result, plan: plan!, messages };
}

const stated = (plan: Awaited<ReturnType<typeof read>>['plan']) =>
  plan.tasks.map((t) => ({
    label: t.label,
    action: t.action,
    units: t.units.map((u) => `${u.name}/${u.role}`),
    year: t.deadlineExplicit ? t.deadlineYear : null,
  }));

describe.each(['tinglin.docx', 'tinglin.pdf', 'tinglin-wps.docx'])('%s: a notice and its plan, Word numbering restarting per action', (name) => {
  test('reads every task with the number Word shows, its action, units and deadline year', async () => {
    const { plan, messages } = await read(name);
    expect(plan.actions.map((a) => `${a.ordinal}${a.title}`)).toEqual(TINGLIN_EXPECTED.actions);
    expect(stated(plan)).toEqual(TINGLIN_EXPECTED.tasks);
    expect(messages).toEqual([]);
  });

  test('reads the cover: 发文字号 and date, the notice title over two lines kept out of the plan title', async () => {
    const { plan, result } = await read(name);
    expect(plan.docNumber).toBe(TINGLIN_EXPECTED.docNumber);
    expect(plan.issuedOn).toBe(TINGLIN_EXPECTED.issuedOn);
    expect(plan.title).toBe('亭林镇安全生产治本攻坚三年行动实施方案（2024—2026年）');
    expect(result.markdown).toContain('关于印发《亭林镇安全生产治本攻坚三年行动');
    // Sub-points `1）` stay inside their task.
    expect(plan.tasks[2]!.text).toMatch(/工作：\n?1）督促企业/);
  });
});

describe.each(['lvxiang.docx', 'lvxiang.pdf'])('%s: tasks only in a table with merged group cells', (name) => {
  test('reads every row as a task under its group, with its units and deadline year', async () => {
    const { plan } = await read(name);
    expect(plan.actions.map((a) => a.title)).toEqual(LVXIANG_EXPECTED.actions);
    expect(stated(plan)).toEqual(LVXIANG_EXPECTED.tasks);
  });

  test('keeps each task text whole, a row broken by the page included', async () => {
    const { plan } = await read(name);
    expect(plan.tasks[7]!.text).toContain('对存在安全隐患的房屋实行分类处置。');
    expect(plan.tasks.map((t) => t.text).join('')).not.toMatch(/类别|序号|—\s*\d+\s*—/);
  });
});

test('the table PDF gives the rows of the Word file: split rows made whole, a merged unit cell carried over the page break', async () => {
  const cells = (text: string) => text.split('\n').filter((l) => l.includes('\t'));
  const pdf = cells((await readPdf(officeFile('lvxiang.pdf'))).text);
  expect(pdf).toEqual(cells(readDocx(officeFile('lvxiang.docx')).text));
  expect(pdf.slice(5, 10).map((row) => row.split('\t')[3])).toEqual(Array(5).fill('镇安全生产监督管理所'));
});

test('the table PDF places each row on the page it is printed on', async () => {
  const { result } = await read('lvxiang.pdf');
  const places = result.messages.map((m) => m.at);
  expect(places.every((p) => p === undefined || /^第\d+页/.test(p))).toBe(true);
});
