/**
 * A Word table as rows of cell texts on the table's grid, merged cells
 * resolved: a vertically merged cell (`w:vMerge`) is filled down with the
 * text above it; a horizontally merged cell (`w:gridSpan`) keeps its text in
 * its first grid column and leaves the columns it covers empty, so no text is
 * counted twice and every row has the same number of cells.
 *
 *   | 1 | 排查整治 | 区应急局（vMerge restart） |      → 1\t排查整治\t区应急局
 *   | 2 | 隐患清零 | （vMerge continue）         |      → 2\t隐患清零\t区应急局
 */
import { paragraphText, type DocxContext } from './docx.ts';
import { joinCellLines } from './output.ts';
import { attr, child, children, elements, intAttr, path, type Element } from './xml.ts';

export function readTable(table: Element, ctx: DocxContext): string[][] {
  const rows: string[][] = [];
  let above: string[] = [];
  for (const tr of children(table, 'tr')) {
    const row: string[] = [];
    for (let i = intAttr(path(tr, 'trPr', 'gridBefore')) ?? 0; i > 0; i--) row.push('');
    for (const tc of cellsOf(tr)) {
      const props = child(tc, 'tcPr');
      const span = Math.max(1, intAttr(child(props, 'gridSpan')) ?? 1);
      const vMerge = child(props, 'vMerge');
      const continues = vMerge !== undefined && (attr(vMerge, 'val') ?? 'continue') === 'continue';
      const col = row.length;
      row.push(continues ? (above[col] ?? '') : cellText(tc, ctx));
      for (let i = 1; i < span; i++) row.push('');
    }
    if (row.some((cell) => cell !== '')) rows.push(row);
    above = row;
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** Cells of a row, including those wrapped in content controls. */
function cellsOf(tr: Element): Element[] {
  return elements(tr).flatMap((el) =>
    el.localName === 'tc' ? [el] : el.localName === 'sdt' || el.localName === 'customXml' ? cellsOf(child(el, 'sdtContent') ?? el) : [],
  );
}

function cellText(tc: Element, ctx: DocxContext): string {
  const lines: string[] = [];
  for (const el of elements(tc)) {
    if (el.localName === 'p') lines.push(...paragraphText(el, ctx).split('\n'));
    else if (el.localName === 'tbl') lines.push(...readTable(el, ctx).map((r) => joinCellLines(r)));
  }
  return joinCellLines(lines, true);
}
