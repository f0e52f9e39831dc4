/**
 * Gives each task its milestones, periods, deadline year and recurrence.
 *
 * ```markdown
 * 3. ……2024年底前，……培树2-3家企业；2026年底前，……形成长效机制。
 * ```
 * → `milestones: [{ year: 2024, qualifier: '底前', … }, { year: 2026, … }]`.
 * A task in a table takes its deadlines from the time column (完成时限).
 * Years that cannot be meant are reported as `implausible-year`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { extractSchedule } from './deadlines.ts';
import { extractRecurrence } from './recurrence.ts';
import { report } from './report.ts';

export default function remarkTaskSchedule() {
  return (_tree: Root, file: VFile) => {
    const period = file.data.frontMatter?.period ?? [2024, 2026];
    for (const task of file.data.structure?.tasks ?? []) {
      const text = task.paragraphs.join('\n');
      const source = task.table?.time ?? text;
      const schedule = extractSchedule(source, period);
      task.milestones = task.table?.time ? schedule.milestones.map((m) => ({ ...m, text })) : schedule.milestones;
      task.periods = task.table?.time ? schedule.periods.map((p) => ({ ...p, text })) : schedule.periods;
      task.recurrence = extractRecurrence(text);
      for (const { year, phrase } of schedule.implausible) {
        report(file, 'warning', 'implausible-year', task.place, `任务 ${task.number} 中的“${phrase}”年份不合常理（方案期限 ${period[0]}—${period[1]} 年）`,
          '核对原文，改正年份或月份；这一处不会被当作完成时限。');
      }
    }
  };
}
