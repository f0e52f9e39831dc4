import { describe, expect, test } from 'vitest';
import { cutPieces, excerpt, namedPlaces, namesUnit, queryTerms, splitWords } from '../../../src/search/client/match.ts';

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

describe('cutPieces', () => {
  // How many tasks hold each bigram (absent: none).
  const tasks: Record<string, number> = { 安全: 2600, 全员: 300, 建筑: 500, 筑施: 30, 施工: 700, 工高: 2, 高处: 60, 处坠: 40, 坠落: 50, 应急: 1200, 急局: 0, 局燃: 0, 燃气: 400, 报警: 90, 警器: 0, 年底: 800, 底前: 700, 前完: 300, 完成: 2000 };
  const tasksWith = (bigram: string) => tasks[bigram] ?? 0;
  test('cuts into the pieces of one or two characters that the most tasks hold', () => {
    expect(cutPieces('建筑施工高处坠落', tasksWith)).toEqual(['建筑', '施工', '高处', '坠落']);
    expect(cutPieces('应急局燃气', tasksWith)).toEqual(['应急', '局', '燃气']);
  });
  test('keeps the single character where the pair beside it is the more common word', () => {
    expect(cutPieces('安全员', tasksWith)).toEqual(['安全', '员']);
    expect(cutPieces('燃气报警器', tasksWith)).toEqual(['燃气', '报警', '器']);
  });
  test('keeps a pair no task holds whole rather than two loose characters, and a run of Latin letters or digits whole', () => {
    expect(cutPieces('骑手', tasksWith)).toEqual(['骑手']);
    expect(cutPieces('2025年底前完成', tasksWith)).toEqual(['2025', '年底', '前', '完成']);
    expect(cutPieces('lng储罐', tasksWith)).toEqual(['lng', '储罐']);
  });
});

describe('namedPlaces', () => {
  const places = ['长宁区', '庙行镇', '浦兴路街道', '岳阳街道', '湘乡市'];
  test('takes a term that begins a place name, beside other terms, as that place', () => {
    expect(namedPlaces(['长宁区', '消防'], places)).toEqual({ named: ['长宁区'], places: ['长宁区'], rest: ['消防'] });
    expect(namedPlaces(['燃气', '浦兴路'], places)).toEqual({ named: ['浦兴路'], places: ['浦兴路街道'], rest: ['燃气'] });
    expect(namedPlaces(['长宁', '庙行镇', '燃气'], places)).toEqual({ named: ['长宁', '庙行镇'], places: ['长宁区', '庙行镇'], rest: ['燃气'] });
  });
  test('leaves alone a place alone, a single character, and the ends of names that many places share', () => {
    expect(namedPlaces(['长宁区'], places)).toBeNull();
    expect(namedPlaces(['区', '消防'], places)).toBeNull();
    expect(namedPlaces(['街道', '消防'], places)).toBeNull();
    expect(namedPlaces(['宁区', '消防'], places)).toBeNull();
  });
});
