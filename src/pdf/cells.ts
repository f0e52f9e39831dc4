/**
 * The lines of each cell of a table row, column by column as the checklist
 * template orders them: the task (lead phrase only, lead phrase in bold and
 * its text, or the full text), units one a line with their role kept whole,
 * the deadline, the latest status and 进展 in a 进展情况表; 完成情况, 备注
 * and the checkbox stay empty.
 */
import { NOT_STATED } from '../model/vocabulary.ts';
import { SIZE, type Column } from './geometry.ts';
import { breakLines, type Measure, type Run } from './linebreak.ts';
import type { ListRow } from './types.ts';

/** One list of lines per column, in column order. */
export type Cells = Run[][][];

export function cells(row: ListRow, columns: readonly Column[], measure: Measure): Cells {
  const anyUnit = row.units.length > 0;
  // Without a 责任单位 column, units with that role join the 牵头单位 column with their role word: never dropped.
  const ownColumn = columns.some((c) => c.content === 'responsible-units' || c.content === 'units');
  const lead = ownColumn ? row.roles.lead : [...row.roles.lead, ...row.roles.responsible];
  return columns.map((col) => {
    const width = col.width - 2 * SIZE.pad;
    const plain = (text: string) => breakLines([{ text, bold: false }], width, measure);
    const names = (list: string[]) => (anyUnit ? list : [NOT_STATED]).flatMap((u) => unitLines(u, width, measure));
    switch (col.content) {
      case 'number': return plain(row.number);
      case 'task': return breakLines(taskRuns(row, col.text ?? 'lead-text'), width, measure);
      case 'lead-units': return names(lead);
      case 'support-units': return names(row.roles.support);
      case 'responsible-units': return names(row.roles.responsible);
      case 'units': return (anyUnit ? row.units : [NOT_STATED]).flatMap((u) => unitLines(u, width, measure));
      case 'deadline': return plain(row.deadline);
      case 'progress-status': return row.progress ? [[{ text: row.progress.status, bold: true }], ...plain(`截至${row.progress.asOf}`)] : [];
      case 'progress-note': return row.progress ? plain(row.progress.note) : [];
      default: return [];
    }
  });
}

function taskRuns(row: ListRow, text: 'lead' | 'lead-text' | 'full'): Run[] {
  if (text === 'full' || !row.lead) return [{ text: row.full, bold: false }];
  const runs: Run[] = [{ text: row.lead, bold: true }];
  if (text === 'lead-text' && row.text) runs.push({ text: row.text, bold: false });
  return runs;
}

export function rowHeight(c: Cells): number {
  return Math.max(1, ...c.map((l) => l.length)) * SIZE.leading + 2 * SIZE.pad;
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
