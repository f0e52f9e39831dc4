/**
 * Places a task list on the pages of its checklist template: the title (the
 * template's pattern), the source plan's title and 文号, the lines to fill in
 * (填报单位 …), then a table whose header repeats on every page, section rows
 * kept with the row after them, and the signature lines after the table.
 *
 * Rows fill pages: a row that does not fit moves whole to the next page only
 * when the room it would leave is under a tenth of the page; otherwise it is
 * split between lines and continued (续) on the next page.
 * Pure: positions come from `measure` alone. Coordinates are points from the
 * top-left corner of the page.
 */
import type { ChecklistContent, ChecklistTemplate } from '../templates/schema.ts';
import { cells, rowHeight, type Cells } from './cells.ts';
import { geometry, SIZE, type Geometry } from './geometry.ts';
import { breakLines, type Measure, type Run } from './linebreak.ts';
import type { ListRow, TaskListDoc } from './types.ts';

export { FIXED_TEXT, SIZE, geometry, type Geometry } from './geometry.ts';

export interface TextOp {
  kind: 'text';
  x: number;
  baseline: number;
  size: number;
  runs: Run[];
  align?: 'center';
  width?: number; // box to centre in
  cell?: ChecklistContent;
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
  geometry: Geometry;
  /** The printed title: the template's pattern filled in. */
  heading: string;
}

/** `{方案}{年度}年度任务清单` with the document's values. */
export function fillTitle(pattern: string, fields: TaskListDoc['fields']): string {
  return pattern.replace(/\{([^}]*)\}/g, (all, name: string) => (name in fields ? fields[name as keyof typeof fields] : all));
}

/** The widest a 序号 column grows to fit its labels on one line (2.5 cm). */
const NUMBER_MAX = 2.5 * (72 / 2.54);

/** Lays out `doc` by `template`; `measure(text, bold)` gives widths at 1pt. */
export function layoutTaskList(doc: TaskListDoc, template: ChecklistTemplate, measure: Measure, footer: (page: number, total: number) => string): Layout {
  // A 序号 such as （一）1 or （十二）3 is printed on one line: the column grows to the widest (up to NUMBER_MAX), the task column gives the width.
  const widest = Math.max(0, ...doc.sections.flatMap((s) => s.rows.map((r) => measure(r.number, false) * SIZE.body)));
  const geo = geometry(template, { number: Math.min(Math.ceil(widest + 2 * SIZE.pad + 1), NUMBER_MAX) });
  const { page: PAGE, content: CONTENT, columns } = geo;
  const heading = fillTitle(template.title, doc.fields);
  const at = (size: number): Measure => (t, b) => measure(t, b) * size;
  const body = at(SIZE.body);
  const pages: Page[] = [];
  const outline: OutlineEntry[] = [];
  let ops: Op[] = [];
  let y = 0;
  const bottom = PAGE.height - PAGE.bottom;

  const line = (runs: Run[], x: number, top: number, size: number, leading: number, extra: Partial<TextOp> = {}) =>
    ops.push({ kind: 'text', x, baseline: top + (leading - size) / 2 + size * 0.88, size, runs, ...extra });
  const rule = (x: number, top: number, width: number) => ops.push({ kind: 'rect', x, top, width, height: 0.6, fill: 0 });

  const header = () => {
    const labels = columns.map((c) => breakLines([{ text: c.label, bold: true }], c.width - 2 * SIZE.pad, body));
    const h = Math.max(1, ...labels.map((l) => l.length)) * SIZE.leading + 2 * SIZE.pad;
    columns.forEach((c, i) => {
      ops.push({ kind: 'rect', x: c.x, top: y, width: c.width, height: h, fill: 0.88, stroke: 0.6 });
      labels[i]!.forEach((runs, j) => line(runs, c.x + SIZE.pad, y + SIZE.pad + j * SIZE.leading, SIZE.body, SIZE.leading, { align: 'center', width: c.width - 2 * SIZE.pad }));
    });
    y += h;
  };
  const newPage = (withHeader = true) => {
    pages.push({ ops });
    ops = [];
    y = PAGE.top;
    line([{ text: heading, bold: false }], PAGE.left, y - 18, 7.5, 10);
    if (withHeader) header();
  };

  // Title block, first page only.
  y = PAGE.top;
  const centred = (text: string, size: number, bold: boolean, leading: number) => {
    for (const runs of breakLines([{ text, bold }], CONTENT, at(size))) {
      line(runs, PAGE.left, y, size, leading, { align: 'center', width: CONTENT });
      y += leading;
    }
  };
  centred(heading, SIZE.title, true, 24);
  y += 2;
  const meta = [doc.fields.标题 && !heading.includes(doc.fields.标题) ? doc.fields.标题 : '', doc.docNumber, doc.issuer];
  for (const m of meta) if (m) centred(m, SIZE.meta, false, 15);
  centred(doc.summary, SIZE.body, false, 15);
  y += 6;
  // Lines to fill in, two to a row: 填报单位：________
  const half = CONTENT / 2;
  template.header.forEach((label, i) => {
    const x = PAGE.left + (i % 2) * half;
    const text = `${label}：`;
    line([{ text, bold: false }], x, y, 10, 18);
    const w = at(10)(text, false);
    rule(x + w, y + 16, half - w - 16);
    if (i % 2 === 1 || i === template.header.length - 1) y += 22;
  });
  if (template.header.length > 0) y += 4;
  header();

  const padH = 2 * SIZE.pad;
  const room = () => bottom - y;
  const minSplit = 2 * SIZE.leading + padH;
  // What a moved row leaves empty: a tenth of the page at most, so with a kept section row no page is 15% empty.
  const slack = 0.1 * (bottom - PAGE.top);
  const movesWhole = (height: number, space: number) => height > space && (space < minSplit || space <= slack);

  // The signature lines stay with the end of the table: the last row leaves room for them.
  const signatures = template.footer.length > 0 ? 12 + template.footer.length * 26 : 0;
  const lastRow = doc.sections.at(-1)?.rows.at(-1);
  let reserve = 0;

  doc.sections.forEach((section) => {
    const lines = breakLines([{ text: section.title, bold: true }], CONTENT - padH, body);
    const h = lines.length * SIZE.leading + padH;
    const next = section.rows[0] ? cells(section.rows[0], columns, body) : null;
    // Keep the section row with the start of its first row.
    if (h > room() || (next && movesWhole(rowHeight(next), room() - h))) newPage();
    outline.push({ title: section.title, page: pages.length, top: y });
    const left = columns[0]!.x;
    const tableWidth = columns.at(-1)!.x + columns.at(-1)!.width - left;
    ops.push({ kind: 'rect', x: left, top: y, width: tableWidth, height: h, fill: 0.95, stroke: 0.6 });
    lines.forEach((runs, i) => line(runs, left + SIZE.pad, y + SIZE.pad + i * SIZE.leading, SIZE.body, SIZE.leading));
    y += h;
    for (const row of section.rows) {
      if (row === lastRow) reserve = signatures;
      const c = cells(row, columns, body);
      let from = 0;
      const total = Math.max(1, ...c.map((l) => l.length));
      if (movesWhole(rowHeight(c) + reserve, room())) newPage();
      while (from < total) {
        const fit = Math.max(1, Math.floor((room() - padH) / SIZE.leading));
        // The chunk that ends the table leaves room for the signatures; a chunk that continues fills the page.
        const fitEnd = Math.floor((room() - reserve - padH) / SIZE.leading);
        const count = total - from <= fitEnd ? total - from : Math.min(fit, Math.max(1, total - from - 1));
        drawRow(c, from, count, from > 0, row);
        from += count;
        if (from < total) newPage();
      }
    }
  });

  // Signature lines under the table.
  reserve = 0;
  if (template.footer.length > 0) {
    if (room() < signatures) newPage(false);
    y += 12;
    for (const label of template.footer) {
      const text = label;
      const x = PAGE.left + CONTENT / 2;
      line([{ text, bold: false }], x, y, 10, 18);
      const w = at(10)(text, false);
      rule(x + w + 2, y + 16, CONTENT / 2 - w - 2);
      y += 26;
    }
  }
  pages.push({ ops });

  // Footers need the page count.
  pages.forEach((page, i) => {
    const top = PAGE.height - PAGE.bottom + 16;
    ops = page.ops;
    line([{ text: footer(i + 1, pages.length), bold: false }], PAGE.left, top, 8, 10, { align: 'center', width: CONTENT });
  });
  return { pages, outline, geometry: geo, heading };

  function drawRow(c: Cells, from: number, count: number, continued: boolean, row: ListRow) {
    // A continued chunk shows the number and 续 on two lines, however short it is.
    const h = Math.max(count, continued ? 2 : 1) * SIZE.leading + padH;
    columns.forEach((col, i) => {
      ops.push({ kind: 'rect', x: col.x, top: y, width: col.width, height: h, stroke: 0.6 });
      let lines = c[i]!.slice(from, from + count);
      if (col.content === 'number' && continued) lines = [[{ text: row.number, bold: false }], [{ text: '续', bold: false }]];
      const centre = col.content === 'number' || col.content === 'deadline';
      lines.forEach((runs, j) =>
        line(runs, col.x + SIZE.pad, y + SIZE.pad + j * SIZE.leading, SIZE.body, SIZE.leading, {
          cell: col.content,
          ...(centre ? { align: 'center' as const, width: col.width - padH } : {}),
        }),
      );
      if (col.content === 'check' && !continued) {
        const s = 8;
        ops.push({ kind: 'rect', x: col.x + (col.width - s) / 2, top: y + SIZE.pad + (SIZE.leading - s) / 2, width: s, height: s, stroke: 0.7 });
      }
    });
    y += h;
  }
}
