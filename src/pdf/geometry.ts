/**
 * Page and table geometry of a task list, in points, from its checklist
 * template (`templates/checklists/*.yml`): paper and orientation, the columns
 * left to right with their widths (centimetres in the template; the `auto`
 * column takes the rest of the width).
 */
import { VOCABULARY_TEXT } from '../model/vocabulary.ts';
import { CHECKLIST_CONTENTS, PAPER_MARGIN_CM, type ChecklistContent, type ChecklistTemplate } from '../templates/schema.ts';

const CM = 72 / 2.54;
const A4 = { short: 595.28, long: 841.89 };

export const SIZE = { body: 9, leading: 13.5, pad: 4, title: 16, covers: 14, meta: 10 };

export interface Column {
  content: ChecklistContent;
  label: string;
  x: number;
  width: number;
  text: ChecklistTemplate['columns'][number]['text'];
}

export interface Geometry {
  page: { width: number; height: number; left: number; right: number; top: number; bottom: number };
  content: number; // width between the margins
  columns: Column[];
}

/** The `auto` column keeps at least this much when others grow to what their content needs. */
const MIN_AUTO = 6 * CM;

/**
 * `needs`: the width (points) a column's content needs at least, e.g. the
 * widest 序号 on one line; a fixed column grows to it when the table still
 * fits and the `auto` column keeps `MIN_AUTO`, else every column keeps the
 * template's width.
 */
export function geometry(template: Pick<ChecklistTemplate, 'paper' | 'columns'>, needs: Partial<Record<ChecklistContent, number>> = {}): Geometry {
  const landscape = template.paper === 'A4 横向';
  const margin = PAPER_MARGIN_CM * CM;
  const page = {
    width: landscape ? A4.long : A4.short,
    height: landscape ? A4.short : A4.long,
    left: margin,
    right: margin,
    top: 46,
    bottom: 50,
  };
  const content = page.width - page.left - page.right;
  const given = (c: ChecklistTemplate['columns'][number]) => (c.width === 'auto' ? 0 : c.width * CM);
  const grown = (c: ChecklistTemplate['columns'][number]) => (c.width === 'auto' ? 0 : Math.max(given(c), needs[c.content] ?? 0));
  const room = content - (template.columns.some((c) => c.width === 'auto') ? MIN_AUTO : 0);
  const fits = template.columns.reduce((sum, c) => sum + grown(c), 0) <= room;
  const fixedWidth = fits ? grown : given;
  const fixed = template.columns.reduce((sum, c) => sum + fixedWidth(c), 0);
  let x = page.left;
  const columns = template.columns.map((c) => {
    const width = c.width === 'auto' ? content - fixed : fixedWidth(c);
    const col: Column = { content: c.content, label: c.label ?? CHECKLIST_CONTENTS[c.content], x, width, text: c.text };
    x += width;
    return col;
  });
  // Without an auto column the table may be narrower than the page: centre it.
  const shift = (content - (x - page.left)) / 2;
  if (shift > 0) for (const c of columns) c.x += shift;
  return { page, content, columns };
}

/** Fixed words the layout prints besides the template's own, so the font subset includes them. */
export const FIXED_TEXT = '第页共生成日期续：/·—' + VOCABULARY_TEXT + Object.values(CHECKLIST_CONTENTS).join('');

/** Every character a checklist template can print: its title, labels, header and footer lines. */
export function templateText(template: ChecklistTemplate): string {
  return [template.title, ...template.header, ...template.footer, ...template.columns.map((c) => c.label ?? '')].join('');
}
