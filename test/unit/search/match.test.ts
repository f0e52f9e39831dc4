import { describe, expect, test } from 'vitest';
import { excerpt, namesUnit, queryTerms, splitWords } from '../../../src/search/client/match.ts';

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

describe('splitWords', () => {
  // How many tasks hold each bigram, as in a corpus of plans: the words' own bigrams common, those across a word's edge rare or absent.
  const tasks: Record<string, number> = { 消防: 900, 防通: 120, 通道: 300, 道占: 0, 占用: 40, 用整: 0, 整治: 1500, 加强: 2000, 强危: 3, 危化: 400, 化品: 380, 品监: 2, 监管: 1800 };
  const tasksWith = (bigram: string) => tasks[bigram] ?? 0;
  test('cuts where a bigram no task holds, or one much rarer than those beside it, marks a word edge', () => {
    expect(splitWords('消防通道占用整治', tasksWith)).toEqual(['消防通道', '占用', '整治']);
    expect(splitWords('加强危化品监管', tasksWith)).toEqual(['加强', '危化品', '监管']);
  });
  test('leaves a term whole when no bigram stands out, and terms of two characters always', () => {
    expect(splitWords('消防通道', tasksWith)).toEqual(['消防通道']);
    expect(splitWords('用整', tasksWith)).toEqual(['用整']);
  });
  test('cuts off a single character at either end when its bigram is absent', () => {
    expect(splitWords('道占用', tasksWith)).toEqual(['道', '占用']);
  });
});
