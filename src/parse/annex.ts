/**
 * An annex 任务分工表 that lists the tasks the body already numbers: its rows
 * give those tasks their units and deadlines.
 *
 * ```markdown
 * 3. **推动重大隐患动态清零**。建立重大事故隐患清单和整改台账……
 * …
 * | 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |
 * | 3 | 推动重大隐患动态清零 | 市应急管理局 | 市安委会有关成员单位、各乡镇（街道） | 2026年底前 |
 * ```
 * → task 3: units 市应急管理局 (lead), 市安委会有关成员单位 and 各乡镇（街道）,
 *   deadline 2026年底前, each with the annex row as its basis. A row is
 * matched by its number and must name the same task (its text is part of the
 * task's, or shares most of its words); rows that match no task are reported.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { TaskDraft } from './draft.ts';
import type { TaskRow } from './table.ts';
import { extractSchedule } from './deadlines.ts';
import { extractRecurrence } from './recurrence.ts';
import { parseUnitGroups } from './unit-names.ts';
import { report } from './report.ts';

/** Attaches the rows of an annex table to the numbered tasks; false when the table is not about them. */
export function attachAnnex(tasks: TaskDraft[], rows: TaskRow[], file: VFile): boolean {
  const byNumber = new Map(tasks.map((task) => [task.number, task]));
  const matches = rows.map((row) => {
    const task = row.number === null ? undefined : byNumber.get(row.number);
    if (task && sameTask(row.text, task.paragraphs.join(''))) return task;
    // Numbers restarting in each group (`1 2 3 | 1 2 3`): the one task the row names.
    if (row.text === '') return undefined;
    const holding = tasks.filter((t) => clean(t.paragraphs.join('')).includes(clean(row.text)));
    const named = holding.length > 0 ? holding : tasks.filter((t) => sameTask(row.text, t.paragraphs.join('')));
    return named.length === 1 ? named[0] : undefined;
  });
  if (matches.filter(Boolean).length * 2 < rows.length) {
    report(file, 'warning', 'annex-unmatched', rows[0]?.row.position, '这张任务表的各行与正文编号的任务对不上，表中各行按新任务读取',
      '若它是正文任务的分工表，请让表中“序号”与正文任务序号一致；若它另列任务，请把正文的编号任务或表格删去其一。');
    return false;
  }
  rows.forEach((row, i) => {
    const task = matches[i];
    if (!task) {
      report(file, 'warning', 'annex-row-unmatched', row.row.position, `分工表第 ${i + 1} 行（序号“${row.written}”）找不到正文中对应的任务`,
        '核对序号与任务名称是否与正文一致；这一行的单位和时限没有归到任何任务。');
      return;
    }
    const parts = [row.text, ...row.cells.units.map((u) => u.text), row.cells.time ?? ''].filter(Boolean);
    task.annex = { cells: row.cells, basis: `附件分工表：${parts.join('｜')}` };
  });
  return true;
}

/** The row names the task: its text is in the task's, or they share most character pairs. */
const clean = (t: string) => t.replace(/[\s。，、；：“”（）()《》]/gu, '');

function sameTask(row: string, task: string): boolean {
  const a = clean(row);
  const b = clean(task);
  if (a === '' || b.includes(a)) return a !== '';
  const pairs = (t: string) => new Set([...t].slice(1).map((ch, i) => t[i] + ch));
  const mine = pairs(a);
  const theirs = pairs(b);
  let shared = 0;
  for (const p of mine) if (theirs.has(p)) shared += 1;
  return shared >= Math.max(2, mine.size * 0.5);
}

/** Adds each attached annex row's units and deadline to its task (after the text's own are read). */
export default function remarkAnnexFields() {
  return (_tree: Root, file: VFile) => {
    const period = file.data.frontMatter?.period ?? [2024, 2026];
    for (const task of file.data.structure?.tasks ?? []) {
      if (!task.annex) continue;
      const text = task.paragraphs.join('\n');
      const units = task.units ?? [];
      for (const cell of task.annex.cells.units) {
        for (const { name, role } of parseUnitGroups(cell.text, cell.role)) {
          const named = units.filter((u) => u.name === name);
          // `镇安委办负责` in the text, 牵头单位 in the annex: the annex says which role.
          const generic = named.find((u) => u.role === 'responsible');
          if (generic && role !== 'responsible') generic.role = role;
          // A unit the text already names keeps the role the text gives it; the annex adds only the others.
          else if (named.length === 0) units.push({ name, role, source: 'stated', clause: text, basis: task.annex.basis });
        }
      }
      task.units = units;
      const time = task.annex.cells.time;
      if ((task.milestones ?? []).length === 0 && time) {
        // The annex's time column, read as the body's 完成时限 label is: a range by its end, 长期坚持 ongoing.
        const schedule = extractSchedule(time, period, true);
        task.milestones = schedule.milestones.map((m) => ({ ...m, text }));
        task.periods = [...(task.periods ?? []), ...schedule.periods.map((p) => ({ ...p, text }))];
        if (schedule.ongoing && schedule.milestones.length === 0) task.ongoing = true;
      }
      if (time) task.recurrence = extractRecurrence(`${text}\n${time}`);
    }
  };
}
