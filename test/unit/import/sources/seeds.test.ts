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
import { makeDocx, printToPdf } from './office.ts';
import { seedBlocks } from './seed.ts';

const fromText = Object.fromEntries(PLAN_IDS.map((id) => [id, importPlan(rawPlan(id), { id, path: `${id}.txt` }).markdown!]));
const docx = async (id: string, autoNumber: boolean) => {
  const { blocks, lists } = seedBlocks(rawPlan(id), autoNumber);
  return makeDocx(blocks, { header: '安全生产治本攻坚三年行动实施方案', lists });
};
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
  const pdfs = printToPdf(await Promise.all(PLAN_IDS.map((id) => docx(id, true))));

  test.each(PLAN_IDS.map((id, i) => [id, i] as const))('%s.pdf imports to the same Markdown, but for the documented differences', async (id, i) => {
    const result = await importFile(pdfs[i]!, { id, path: `${id}.pdf` });
    expect(result.kind).toBe('pdf');
    const markdown = result.markdown!;
    expect(tasks(markdown)).toBe(tasks(fromText[id]!));
    // Documented differences, and only these: a space next to a Chinese character
    // (printing spreads and auto-spaces glyphs, so written spaces cannot be told
    // apart), and a ，、。 that LibreOffice's export leaves out at a line end.
    const changes = diffChars(fromText[id]!, markdown).filter((part) => part.added || part.removed);
    expect(changes.filter((part) => part.added)).toEqual([]);
    expect(changes.map((part) => part.value).filter((value) => !/^(?: +|[，、。])$/.test(value))).toEqual([]);
    expect(changes.length).toBeLessThan(fromText[id]!.length / 200); // at most one in 200 characters
  });
});
