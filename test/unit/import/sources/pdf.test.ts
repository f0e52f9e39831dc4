import { describe, expect, test } from 'vitest';
import { readPdf } from '../../../../src/import/sources/pdf.ts';
import { readDocx } from '../../../../src/import/sources/docx.ts';
import { linesOf, officeFile } from './fixtures.ts';

/** LibreOffice's PDF export leaves out a ，or 、 that falls at a line end (pdftotext shows the same gap). */
const withoutCommas = (lines: string[]) => lines.map((l) => l.replace(/[，、]/g, ''));

describe('readPdf on the town plan printed from Word', async () => {
  const source = await readPdf(officeFile('plan.pdf'));
  const lines = linesOf(source.text);

  test('gives the same paragraphs and table rows as the Word file it was printed from', () => {
    expect(withoutCommas(lines)).toEqual(withoutCommas(linesOf(readDocx(officeFile('plan.docx')).text)));
  });

  test('re-joins the printed lines of a paragraph, across a page break too', () => {
    // Task 2 starts at the foot of page 1 and ends at the head of page 2, below the running header.
    const task2 = lines.find((l) => l.startsWith('2.'))!;
    expect(task2).toBe('2.压实部门监管责任。按照“管行业必须管安全、管业务必须管安全、管生产经营必须管安全”要求，镇经济发展办、规划建设办、农业农村办等部门每半年梳理一次本行业领域安全监管职责清单，消除监管盲区。');
    const at = source.text.split('\n').indexOf(task2) + 1;
    expect([source.locate(at), source.locate(at + 1)]).toEqual(['第1页第21行', '第2页第3行']);
    expect(lines).toHaveLength(35);
  });

  test('drops the running header and the — n — page numbers of every page', () => {
    expect(lines.filter((l) => l === '枫泾镇安全生产治本攻坚三年行动实施方案')).toHaveLength(1);
    expect(lines.filter((l) => /^[—-]\s*\d+\s*[—-]$/.test(l))).toEqual([]);
  });

  test('rebuilds the ruled annex table into rows and cells, a row split by the page break made whole', () => {
    const rows = lines.filter((l) => l.includes('\t')).map((l) => l.split('\t'));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(rows[6]).toEqual(['6', '严格执法检查', '镇安全生产监督管理所', '镇综合行政执法队', '2026年底前']);
    expect(rows[9]).toEqual(['以上任务每季度末报送进展情况至镇安委办', '', '', '', '']);
  });

  test('locates a line by page and line as printed', () => {
    const index = source.text.split('\n').findIndex((l) => l.startsWith('3.夯实村居末梢责任'));
    expect(source.locate(index + 1)).toMatch(/^第2页第\d+行$/);
    expect(source.locate(source.text.split('\n').findIndex((l) => l.startsWith('一、')) + 1)).toMatch(/^第1页第\d+行$/);
  });
});
