import { describe, expect, test } from 'vitest';
import { breakLines, NO_LINE_END, NO_LINE_START, type Run } from '../../../src/pdf/linebreak.ts';

// Full-width characters are 1 unit wide, ASCII half a unit: close to Noto Sans SC.
const measure = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 128 ? 0.5 : 1), 0);
const lines = (text: string, width: number, bold = false) =>
  breakLines([{ text, bold }], width, measure).map((l) => l.map((r) => r.text).join(''));

describe('breakLines', () => {
  test('fills each line up to the width, character by character', () => {
    expect(lines('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
  });

  test('never starts a line with closing punctuation, pulling the previous character down', () => {
    const out = lines('一二三四，五六七八。', 4);
    expect(out).toEqual(['一二三', '四，五六', '七八。']);
    for (const line of out) expect(NO_LINE_START.has(line[0]!)).toBe(false);
  });

  test('never ends a line with opening punctuation', () => {
    const out = lines('一二三《四五》六七', 4);
    for (const line of out) expect(NO_LINE_END.has(line.at(-1)!)).toBe(false);
    expect(out.join('')).toBe('一二三《四五》六七');
  });

  test('keeps a closing quote and the full stop after it off the next line start', () => {
    const out = lines('一二三“四”。五', 5);
    expect(out.every((l) => !NO_LINE_START.has(l[0]!))).toBe(true);
    expect(out.join('')).toBe('一二三“四”。五');
  });

  test('keeps a run of digits together when it fits', () => {
    expect(lines('一二三2024年底前', 4)).toEqual(['一二三', '2024年底', '前']);
  });

  test('breaks a Latin run longer than the line by character', () => {
    const out = lines('ABCDEFGHIJKL', 2);
    expect(out).toEqual(['ABCD', 'EFGH', 'IJKL']);
  });

  test('never splits an ellipsis or a dash pair', () => {
    const out = lines('一二三四……五', 5);
    expect(out).toEqual(['一二三', '四……五']);
  });

  test('starts a new line at each paragraph break and keeps bold runs apart', () => {
    const runs: Run[] = [
      { text: '标题', bold: true },
      { text: '。正文\n第二段', bold: false },
    ];
    const out = breakLines(runs, 10, measure);
    expect(out).toEqual([
      [
        { text: '标题', bold: true },
        { text: '。正文', bold: false },
      ],
      [{ text: '第二段', bold: false }],
    ]);
  });
});
