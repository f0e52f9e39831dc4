import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { sniff } from '../../../../src/import/sources/sniff.ts';
import { officeFile } from './fixtures.ts';
import { rawPlan } from '../plans.ts';

describe('sniff', () => {
  test('tells Word, PDF and old binary Word apart by their first bytes', () => {
    expect(sniff(officeFile('plan.docx'))).toBe('docx');
    expect(sniff(officeFile('plan.pdf'))).toBe('pdf');
    expect(sniff(officeFile('old-word.doc'))).toBe('ole');
  });

  test('reads an extracted plan text (UTF-8 Chinese) as text', () => {
    expect(sniff(rawPlan('puxinglu'))).toBe('text');
  });

  test('calls a cut-off Word file Word, so its message can say so', () => {
    expect(sniff(officeFile('truncated.docx'))).toBe('docx');
  });

  test('calls a zip without a Word document (an Excel file, an archive) a plain zip', () => {
    const workbook = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(sniff(workbook)).toBe('zip');
  });
});
