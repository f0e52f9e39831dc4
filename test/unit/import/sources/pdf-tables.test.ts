/**
 * Ruled tables rebuilt from a page's rules and glyph runs (src/import/sources/pdf-tables.ts),
 * on the positions LibreOffice gave a 任务清单 whose 完成时限 column was too narrow for its dates.
 */
import { describe, expect, test } from 'vitest';
import { findTables, type Item } from '../../../../src/import/sources/pdf-tables.ts';
import type { Rule } from '../../../../src/import/sources/pdf-rules.ts';

/** A grid with vertical rules at `xs` and horizontal rules at `ys` (top first), each drawn as two strokes 0.5 apart. */
function grid(xs: number[], ys: number[]): Rule[] {
  const [left, right, top, bottom] = [xs[0]!, xs.at(-1)!, ys[0]!, ys.at(-1)!];
  return [
    ...xs.flatMap((x) => [x, x + 0.5].map((at) => ({ horizontal: false, at, from: bottom, to: top }))),
    ...ys.flatMap((y) => [y, y - 0.5].map((at) => ({ horizontal: true, at, from: left, to: right }))),
  ];
}

const item = (text: string, x: number, y: number, width = 12 * [...text].length): Item => ({ text, x, y, width, size: 12 });

describe('findTables', () => {
  test('keeps a glyph that overflows the right rule in the cell it starts in, not as text after the table', () => {
    const rules = grid([57, 87, 536, 595], [656, 604, 552]);
    const items = [
      item('序号', 60, 632), item('工作任务', 99, 632), item('完成时限', 540, 632),
      item('1', 60, 580, 7.6), item('压实属地责任', 99, 580),
      // `2025 年 3 月` / `前`: the 月 set on the column's right rule.
      item('2025', 537.3, 588.4, 30.5), item('年', 569, 588.4), item('3', 583, 588.4, 7.6), item('月', 594.7, 588.4), item('前', 537.3, 571.1),
    ];
    const [table] = findTables(rules, items);
    expect(table?.rows).toEqual([
      ['序号', '工作任务', '完成时限'],
      ['1', '压实属地责任', '2025年3月前'],
    ]);
    expect(table?.items.size).toBe(items.length);
  });

  test('leaves text that starts beyond the right rule outside the table', () => {
    const rules = grid([57, 87, 536, 595], [656, 604]);
    const [table] = findTables(rules, [item('序号', 60, 632), item('工作任务', 99, 632), item('完成时限', 540, 632), item('注', 600, 632)]);
    expect(table?.rows).toEqual([['序号', '工作任务', '完成时限']]);
    expect(table?.items.size).toBe(3);
  });
});
