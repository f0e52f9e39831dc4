/**
 * The lines of each cell of a table row: the task's lead phrase in bold and
 * its text, the units one a line with their role kept whole, the deadline.
 */
import { column, SIZE, type ColumnKey } from './geometry.ts';
import { breakLines, type Measure, type Run } from './linebreak.ts';
import type { ListRow } from './types.ts';
import { NOT_STATED } from '../model/vocabulary.ts';

export type Cells = Record<ColumnKey, Run[][]>;

export function cells(row: ListRow, measure: Measure): Cells {
  const inner = (key: ColumnKey) => column(key).width - 2 * SIZE.pad;
  const task: Run[] = [];
  if (row.lead) task.push({ text: row.lead, bold: true });
  if (row.text) task.push({ text: row.text, bold: false });
  const units = row.units.length > 0 ? row.units : [NOT_STATED];
  return {
    check: [],
    number: breakLines([{ text: row.number, bold: false }], inner('number'), measure),
    task: breakLines(task, inner('task'), measure),
    units: units.flatMap((u) => unitLines(u, inner('units'), measure)),
    deadline: breakLines([{ text: row.deadline, bold: false }], inner('deadline'), measure),
    status: [],
  };
}

export function rowHeight(c: Cells): number {
  return Math.max(1, ...Object.values(c).map((l) => l.length)) * SIZE.leading + 2 * SIZE.pad;
}

/** A unit and its role, keeping the role's parenthesis (（牵头）) whole on one line. */
function unitLines(unit: string, width: number, measure: Measure): Run[][] {
  const i = unit.lastIndexOf('（');
  if (i <= 0 || !unit.endsWith('）')) return breakLines([{ text: unit, bold: false }], width, measure);
  const role = unit.slice(i);
  const lines = breakLines([{ text: unit.slice(0, i), bold: false }], width, measure);
  const last = lines.at(-1)![0]!;
  if (measure(last.text + role, false) <= width) last.text += role;
  else lines.push([{ text: role, bold: false }]);
  return lines;
}
