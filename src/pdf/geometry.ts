/** Page and table geometry of the task lists, in points. */
import { VOCABULARY_TEXT } from '../model/vocabulary.ts';

export const PAGE = { width: 595.28, height: 841.89, left: 40, right: 40, top: 46, bottom: 58 };
export const SIZE = { body: 9, leading: 13.5, pad: 4, title: 16, covers: 14, meta: 10 };
/** Table columns, left to right; `task` takes the remaining width. */
export const COLUMNS = [
  { key: 'check', label: '', width: 20 },
  { key: 'number', label: '序号', width: 30 },
  { key: 'task', label: '任务', width: 0 },
  { key: 'units', label: '责任单位', width: 108 },
  { key: 'deadline', label: '完成时限', width: 68 },
  { key: 'status', label: '完成情况', width: 52 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** Fixed words the layout prints, so the font subset includes them. */
export const FIXED_TEXT = '第页共生成日期续：/·' + VOCABULARY_TEXT + COLUMNS.map((c) => c.label).join('');

export const CONTENT = PAGE.width - PAGE.left - PAGE.right;
export const COL = (() => {
  const fixed = COLUMNS.reduce((sum, c) => sum + c.width, 0);
  let x = PAGE.left;
  return COLUMNS.map((c) => {
    const width = c.width || CONTENT - fixed;
    const col = { key: c.key, label: c.label, x, width };
    x += width;
    return col;
  });
})();
/** A table column's left edge and width. */
export const column = (key: ColumnKey) => COL.find((c) => c.key === key)!;
