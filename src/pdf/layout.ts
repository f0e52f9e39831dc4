/**
 * Places a task list on A4 portrait pages: title block, a table whose header
 * repeats on every page, section rows kept with the row after them, rows that
 * move whole to the next page, and rows taller than a page split between
 * lines and continued (续). Pure: positions come from `measure` alone.
 * Coordinates are points from the top-left corner of the page.
 */
import { cells, rowHeight, type Cells } from './cells.ts';
import { COL, CONTENT, PAGE, SIZE, type ColumnKey } from './geometry.ts';
import { breakLines, type Measure, type Run } from './linebreak.ts';
import type { ListRow, TaskListDoc } from './types.ts';

export { COLUMNS, FIXED_TEXT, PAGE, SIZE, column, type ColumnKey } from './geometry.ts';

export interface TextOp {
  kind: 'text';
  x: number;
  baseline: number;
  size: number;
  runs: Run[];
  align?: 'center';
  width?: number; // box to centre in
  cell?: ColumnKey;
}
export interface RectOp {
  kind: 'rect';
  x: number;
  top: number;
  width: number;
  height: number;
  fill?: number; // grey level 0..1
  stroke?: number; // line width
}
export type Op = TextOp | RectOp;
export interface Page {
  ops: Op[];
}
export interface OutlineEntry {
  title: string;
  page: number;
  top: number;
}
export interface Layout {
  pages: Page[];
  outline: OutlineEntry[];
}

/** Lays out `doc`; `measure(text, bold)` gives widths at 1pt. */
export function layoutTaskList(doc: TaskListDoc, measure: Measure, footer: (page: number, total: number) => string): Layout {
  const at = (size: number): Measure => (t, b) => measure(t, b) * size;
  const body = at(SIZE.body);
  const pages: Page[] = [];
  const outline: OutlineEntry[] = [];
  let ops: Op[] = [];
  let y = 0;
  const bottom = PAGE.height - PAGE.bottom;

  const line = (runs: Run[], x: number, top: number, size: number, leading: number, extra: Partial<TextOp> = {}) =>
    ops.push({ kind: 'text', x, baseline: top + (leading - size) / 2 + size * 0.88, size, runs, ...extra });

  const header = () => {
    const h = SIZE.leading + 2 * SIZE.pad;
    for (const c of COL) {
      ops.push({ kind: 'rect', x: c.x, top: y, width: c.width, height: h, fill: 0.88, stroke: 0.6 });
      if (c.label) line([{ text: c.label, bold: true }], c.x, y + SIZE.pad, SIZE.body, SIZE.leading, { align: 'center', width: c.width });
    }
    y += h;
  };
  const newPage = () => {
    if (pages.length > 0 || ops.length > 0) pages.push({ ops });
    ops = [];
    y = PAGE.top;
    if (pages.length > 0) {
      line([{ text: `${doc.title} · ${doc.covers}`, bold: false }], PAGE.left, y - 18, 7.5, 10);
    }
    header();
  };

  // Title block, first page only.
  ops = [];
  y = PAGE.top;
  const centred = (text: string, size: number, bold: boolean, leading: number) => {
    for (const runs of breakLines([{ text, bold }], CONTENT, at(size))) {
      line(runs, PAGE.left, y, size, leading, { align: 'center', width: CONTENT });
      y += leading;
    }
  };
  centred(doc.title, SIZE.title, true, 24);
  y += 4;
  for (const meta of [doc.docNumber, doc.issuer]) if (meta) centred(meta, SIZE.meta, false, 16);
  y += 6;
  centred(doc.covers, SIZE.covers, true, 22);
  centred(doc.summary, SIZE.body, false, 16);
  y += 8;
  header();

  const padH = 2 * SIZE.pad;
  const room = () => bottom - y;
  const fullRoom = bottom - PAGE.top - (SIZE.leading + padH);
  const minSplit = 4 * SIZE.leading + padH;
  /**
   * A row that does not fit moves whole to the next page when it is short
   * (a third of a page at most) or when little room is left; a longer row is
   * split between lines and continued (续) on the next page.
   */
  const movesWhole = (height: number, space: number) =>
    height > space && (height <= fullRoom / 3 || space < minSplit);

  doc.sections.forEach((section) => {
    const lines = breakLines([{ text: section.title, bold: true }], CONTENT - padH, body);
    const h = lines.length * SIZE.leading + padH;
    const next = section.rows[0] ? cells(section.rows[0], body) : null;
    // Keep the section row with the start of its first row.
    if (h > room() || (next && movesWhole(rowHeight(next), room() - h))) newPage();
    outline.push({ title: section.title, page: pages.length, top: y });
    ops.push({ kind: 'rect', x: PAGE.left, top: y, width: CONTENT, height: h, fill: 0.95, stroke: 0.6 });
    lines.forEach((runs, i) => line(runs, PAGE.left + SIZE.pad, y + SIZE.pad + i * SIZE.leading, SIZE.body, SIZE.leading));
    y += h;
    for (const row of section.rows) {
      const c = cells(row, body);
      let from = 0;
      const total = Math.max(...Object.values(c).map((l) => l.length));
      if (movesWhole(rowHeight(c), room())) newPage();
      while (from < total) {
        const fit = Math.max(1, Math.floor((room() - padH) / SIZE.leading));
        const count = Math.min(fit, total - from);
        drawRow(c, from, count, from > 0, row);
        from += count;
        if (from < total) newPage();
      }
    }
  });
  pages.push({ ops });

  // Footers need the page count.
  pages.forEach((page, i) => {
    const top = PAGE.height - PAGE.bottom + 18;
    const text = footer(i + 1, pages.length);
    ops = page.ops;
    line([{ text, bold: false }], PAGE.left, top, 8, 10, { align: 'center', width: CONTENT });
  });
  return { pages, outline };

  function drawRow(c: Cells, from: number, count: number, continued: boolean, row: ListRow) {
    // A continued chunk shows the number and 续 on two lines, however short it is.
    const h = Math.max(count, continued ? 2 : 1) * SIZE.leading + padH;
    for (const col of COL) {
      ops.push({ kind: 'rect', x: col.x, top: y, width: col.width, height: h, stroke: 0.6 });
      let lines = c[col.key].slice(from, from + count);
      if (col.key === 'number' && continued) lines = [[{ text: row.number, bold: false }], [{ text: '续', bold: false }]];
      const centre = col.key === 'number' || col.key === 'deadline';
      lines.forEach((runs, i) =>
        line(runs, col.x + SIZE.pad, y + SIZE.pad + i * SIZE.leading, SIZE.body, SIZE.leading, {
          cell: col.key,
          ...(centre ? { align: 'center' as const, width: col.width - padH } : {}),
        }),
      );
    }
    if (!continued) {
      const check = COL.find((col) => col.key === 'check')!;
      const s = 8;
      ops.push({ kind: 'rect', x: check.x + (check.width - s) / 2, top: y + SIZE.pad + (SIZE.leading - s) / 2, width: s, height: s, stroke: 0.7 });
    }
    y += h;
  }
}
