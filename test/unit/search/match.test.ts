import { describe, expect, test } from 'vitest';
import { excerpt, namesUnit, queryTerms } from '../../../src/search/client/match.ts';

describe('queryTerms', () => {
  test('splits on whitespace and drops quotes and punctuation at the ends', () => {
    expect(queryTerms(' “燃气”  有限空间。 ')).toEqual(['燃气', '有限空间']);
  });
  test('folds full-width letters and case', () => {
    expect(queryTerms('ＰＡＧＥ')).toEqual(['page']);
  });
});

describe('namesUnit', () => {
  test('takes a short form of a unit name as naming it (应急局 → 市应急管理局), not a stray character', () => {
    expect(namesUnit('市应急管理局', '应急局')).toBe(true);
    expect(namesUnit('区安全生产委员会办公室', '安委办')).toBe(true);
    expect(namesUnit('市应急管理局', '局应急')).toBe(false);
    expect(namesUnit('市应急管理局', '局')).toBe(true);
    expect(namesUnit('街道发展办', '办')).toBe(true);
    expect(namesUnit('街道发展办', '发改')).toBe(false);
  });
});

describe('excerpt', () => {
  test('marks every occurrence of the terms around the first hit', () => {
    const parts = excerpt('深化城镇燃气安全排查整治，组织安装燃气泄漏报警装置。', ['燃气'], 2)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['燃气']);
    expect(parts.map((p) => p.text).join('')).toBe('…城镇燃气安全…');
  });
  test('marks the hit where it stands even when full-width letters or spaces come before it', () => {
    const text = 'ＡＢＣ 企业　落实 燃气 报警装置';
    const parts = excerpt(text, ['燃气'], 40)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['燃气']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
  test('marks a term the text writes with a space inside', () => {
    const parts = excerpt('组织安装燃 气泄漏报警装置', ['燃气'], 40)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['燃 气']);
  });
  test('returns null when no term occurs', () => {
    expect(excerpt('深化城镇燃气专项治理', ['安康杯'])).toBeNull();
  });
});
