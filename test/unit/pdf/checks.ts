/** Checks shared by the PDF tests: text order in the task column, ink on every line. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { geometry, type Geometry, type Layout } from '../../../src/pdf/layout.ts';
import type { TaskListDoc } from '../../../src/pdf/types.ts';
import { readTemplate } from '../../../src/templates/read.ts';
import { ChecklistTemplateSchema, type ChecklistContent, type ChecklistTemplate } from '../../../src/templates/schema.ts';
import { ink, pdfText, renderPages } from './poppler.ts';

/** A shipped checklist template: templates/checklists/<name>.yml. */
export function shipped(name: string): ChecklistTemplate {
  const file = `templates/checklists/${name}.yml`;
  const { value, messages } = readTemplate(readFileSync(file, 'utf8'), file, ChecklistTemplateSchema, '');
  if (!value) throw new Error(JSON.stringify(messages));
  return value;
}

/** The first column showing `content`. */
export const column = (geo: Geometry, content: ChecklistContent) => geo.columns.find((c) => c.content === content)!;

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The text of the task column on every page, whitespace removed: below the
 * repeated header and above the footer, so only the title block and rows remain.
 */
export function taskColumnText(bytes: Uint8Array, geo: Geometry = geometry(shipped('plan'))): string {
  const col = column(geo, 'task');
  const PAGE = geo.page;
  const top = PAGE.top + 22;
  return squash(pdfText(bytes, { x: col.x + 1, y: top, width: col.width - 2, height: PAGE.height - PAGE.bottom - top }));
}

/** Every row's task text appears in the task column, in order. */
export function expectRowsInOrder(doc: TaskListDoc, bytes: Uint8Array, geo?: Geometry) {
  const text = taskColumnText(bytes, geo);
  let at = 0;
  for (const row of doc.sections.flatMap((s) => s.rows)) {
    const want = squash(row.lead + row.text);
    const found = text.indexOf(want, at);
    expect(found, `${row.source.label} missing or out of order`).toBeGreaterThanOrEqual(at);
    at = found + want.length;
  }
}

/** Every laid-out line of the task, unit and deadline columns carries ink; the blank column (完成情况, else 备注) does not. */
export function expectInkOnEveryLine(layout: Layout, bytes: Uint8Array) {
  const dpi = 60;
  const pages = renderPages(bytes, dpi);
  expect(pages).toHaveLength(layout.pages.length);
  const status = column(layout.geometry, 'status') ?? column(layout.geometry, 'remarks');
  let checked = 0;
  layout.pages.forEach((page, i) => {
    for (const op of page.ops) {
      if (op.kind !== 'text' || !op.cell || !op.runs.some((r) => r.text.trim())) continue;
      const col = column(layout.geometry, op.cell);
      const band = { y0: op.baseline - op.size * 0.85, y1: op.baseline + op.size * 0.1 };
      // A blank glyph leaves no ink; a drawn one leaves several dark pixels even at 60 dpi.
      const chars = [...op.runs.map((r) => r.text).join('').replace(/\s/g, '')].length;
      const dark = ink(pages[i]!, dpi, { x0: col.x + 2, x1: col.x + col.width - 2, ...band });
      expect(dark, `page ${i + 1} line “${op.runs.map((r) => r.text).join('')}”`).toBeGreaterThanOrEqual(3 * chars);
      expect(ink(pages[i]!, dpi, { x0: status.x + 3, x1: status.x + status.width - 3, ...band })).toBe(0);
      checked++;
    }
  });
  expect(checked).toBeGreaterThan(0);
}

