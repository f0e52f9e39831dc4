/**
 * Plans as offices set them in Word, and the same printed to PDF by
 * LibreOffice (test/fixtures/office/offices.ts, offices-more.ts): each imports with no error,
 * writes a file `check` passes, and reads the same from either file: title,
 * issuer, tasks with their units and due days.
 */
import { describe, expect, test } from 'vitest';
import { importFile } from '../../../../src/import/sources/import-file.ts';
import { parsePlan } from '../../../../src/parse/index.ts';
import { statedDeadlines } from '../../../../src/progress/deadlines.ts';
import { checkCharacters } from '../../../../src/check/characters.ts';
import { officeFile } from './fixtures.ts';

async function read(name: string, ext: 'docx' | 'pdf') {
  const result = await importFile(officeFile(`offices/${name}.${ext}`), { id: name, path: `${name}.${ext}` });
  expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
  const markdown = result.markdown!;
  const { plan, messages } = parsePlan(markdown, `content/plans/${name}.md`);
  expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  return {
    markdown,
    characters: await checkCharacters(markdown, `content/plans/${name}.md`),
    front: { title: plan!.title, issuer: plan!.issuer, docNumber: plan!.docNumber, issuedOn: plan!.issuedOn },
    tasks: plan!.tasks.map((t) => `${t.label} ${t.title} | ${t.units.map((u) => `${u.role}:${u.name}`).join(' ')} | ${statedDeadlines(t).map((d) => d.date).join(' ')}`),
  };
}

describe.each(['nanxiang', 'zhujing', 'shanyang', 'caojing', 'jinshanwei', 'langxia', 'shihua', 'zhangyan'])('%s, from Word and from its PDF', (name) => {
  test('imports, passes check, and reads the same from the .docx and the .pdf', async () => {
    const [docx, pdf] = [await read(name, 'docx'), await read(name, 'pdf')];
    expect(docx.characters).toEqual([]);
    expect(pdf.characters).toEqual([]);
    expect(pdf.front).toEqual(docx.front);
    expect(pdf.tasks).toEqual(docx.tasks);
  });
});

describe('what the office files say', () => {
  test('a joint red header set as a table gives both bodies, with no TAB; footnotes and their marks stay out of the tasks', async () => {
    for (const ext of ['docx', 'pdf'] as const) {
      const { markdown, front, tasks } = await read('shanyang', ext);
      expect(front).toEqual({ title: '山阳镇安全生产治本攻坚三年行动实施方案（2024—2026年）', issuer: '中共山阳镇委员会、山阳镇人民政府', docNumber: '山委〔2024〕12号', issuedOn: '2024-04-20' });
      expect(markdown).not.toMatch(/国务院安全生产委员会2024年1月印发|镇消防救援站负责认定|》1和|场所2和/u);
      expect(tasks[1]).toBe('2 压实部门监管责任 | lead:镇安委办 support:镇各相关部门 | 2024-12-31');
    }
  });

  test('类别, 重点任务 and 具体措施 columns: each task is titled by its 重点任务', async () => {
    const { tasks } = await read('zhujing', 'pdf');
    expect(tasks).toHaveLength(12);
    expect(tasks[10]).toBe('11 建设安全风险监测预警系统 | lead:镇城运中心 support:镇安全生产监督管理所 | 2026-06-30');
  });

  test('an annex cell X（牵头）、Y adds nothing the text already states; the signature set right gives the issuer', async () => {
    const { front, tasks } = await read('caojing', 'docx');
    expect(front.issuer).toBe('漕泾镇安全生产委员会');
    expect(tasks[0]).toBe('1 健全安全生产责任体系 | lead:镇安委办 support:镇党政办 | 2024-06-30');
    expect(tasks[2]).toBe('3 加强村居安全网格化管理 | lead:各村（居）委会 support:镇城运中心 | 2024-09-30');
  });

  test('a 工作要点 with no years: (各村居委会负责，镇城运中心指导) gives both units, the dates the plan year', async () => {
    const { tasks } = await read('nanxiang', 'docx');
    expect(tasks).toHaveLength(12);
    expect(tasks[11]).toBe('12 加强基层安全网格建设 | responsible:各村居委会 support:镇城运中心 | 2025-12-31');
  });

  test('a cell holding one unit per paragraph keeps the units apart, from Word and from the PDF', async () => {
    for (const ext of ['docx', 'pdf'] as const) {
      const { tasks } = await read('langxia', ext);
      expect(tasks).toHaveLength(11);
      expect(tasks[2]).toBe('3 燃气安全专项整治 | lead:镇规建办 responsible:镇市场监管所 responsible:各村（居）委会 | 2025-06-30 2025-12-31');
    }
  });

  test('a table of contents and a cover in text boxes stay out of the plan’s sections', async () => {
    for (const ext of ['docx', 'pdf'] as const) {
      const { markdown, tasks } = await read('shihua', ext);
      expect(markdown.match(/^## .*$/gmu)).toEqual(['## 一、总体要求', '## 二、重点任务', '## 三、实施步骤', '## 四、保障措施']);
      expect(markdown).not.toMatch(/……|\.{4}|目\s*录/u);
      expect(tasks).toHaveLength(10);
    }
  });

  test('Word’s tracked changes are read as accepted: deleted text left out, inserted text kept', async () => {
    const { tasks } = await read('xinbang', 'docx');
    expect(tasks).toHaveLength(11);
  });

  test('年度目标 over 2024年/2025年/2026年 columns: the header over two rows is read, each year’s target a line of the task due that year', async () => {
    for (const ext of ['docx', 'pdf'] as const) {
      const { tasks } = await read('zhangyan', ext);
      expect(tasks).toHaveLength(10);
      expect(tasks[0]).toBe('1 健全安全生产责任体系 | lead:镇安委办 responsible:镇党政办 | 2024-12-31 2025-12-31 2026-12-31');
    }
  });
});

