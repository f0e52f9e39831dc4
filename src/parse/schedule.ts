/**
 * Gives each task its milestones, periods, deadline year and recurrence.
 *
 * ```markdown
 * 3. ……2024年底前，……培树2-3家企业；2026年底前，……形成长效机制。
 * ```
 * → `milestones: [{ year: 2024, qualifier: '底前', … }, { year: 2026, … }]`.
 *
 * ```markdown
 * 4. **推进燃气管道老化更新改造**。完成老旧小区燃气立管改造。
 *
 *    完成时限：2024—2025年
 * ```
 * → `milestones: [{ year: 2025, phrase: '2024—2025年', … }]`; `完成时限：长期坚持`
 * → no milestone, `ongoing: true`. A task in a table reads its time column
 * (完成时限) the same way. A date without a year (`9月底前`) takes the
 * year of the date before it in the passage, or of a one-year plan, and
 * says so; one that can take neither is reported as
 * `deadline-without-year`; years that cannot be meant as
 * `implausible-year`; a day the month does not have (`2025年2月30日前`),
 * `impossible-date`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Milestone } from '../model/schema.ts';
import { dueMilestones } from '../model/vocabulary.ts';
import { extractSchedule, type Schedule } from './deadlines.ts';
import { extractRecurrence } from './recurrence.ts';
import { labelBlockStart, readLabels } from './labels.ts';
import { report } from './report.ts';

/** `长期坚持。` as a sentence of its own (after a full stop or at the start of a line, up to the next or the end). */
const ONGOING_SENTENCE = /(?:^|[。；;，,）)\n])\s*(?:长期坚持|持续推进|持续开展|常态化开展|常态化推进|长期开展)\s*(?:[。；;]|$)/mu;

/** Where a label's value stops when the label sits inside a parenthesis or a sentence. */
const VALUE_END = /[）)〕\]】。\n]/u;

export default function remarkTaskSchedule() {
  return (_tree: Root, file: VFile) => {
    const period = file.data.frontMatter?.period ?? [2024, 2026];
    for (const task of file.data.structure?.tasks ?? []) {
      const text = task.paragraphs.join('\n');
      const body = bodyText(task.paragraphs);
      const found = task.table?.time ? [] : deadlineLabels(task.paragraphs);
      const labels = task.table?.time ? [task.table.time] : found.map((label) => label.value);
      const stated = task.table?.time ? emptySchedule() : extractSchedule(maskLabels(text, found), period);
      const labelled = labels.map((value) => extractSchedule(value, period, true));
      const fromLabels = labelled.flatMap((schedule) => schedule.milestones.map((m) => ({ ...m, text: body })));
      task.milestones = [...stated.milestones, ...fromLabels.filter((m) => !stated.milestones.some((s) => same(s, m)))];
      task.periods = [...stated.periods, ...labelled.flatMap((schedule) => schedule.periods.map((p) => ({ ...p, text: body })))];
      // `……。长期坚持。`: a sentence of its own that says only that the work goes on reads as that label would.
      const goesOn = labelled.some((schedule) => schedule.ongoing) || (!task.table?.time && found.length === 0 && ONGOING_SENTENCE.test(text) && dueMilestones(stated.milestones).length === 0);
      task.ongoing = goesOn && dueMilestones(fromLabels).length === 0;
      // A time column may say how often instead of when (`每季度`, `每半年`).
      task.recurrence = extractRecurrence(task.table?.time ? `${text}\n${task.table.time}` : text);
      for (const { year, phrase } of [stated, ...labelled].flatMap((schedule) => schedule.implausible)) {
        report(file, 'warning', 'implausible-year', task.place, `任务 ${task.number} 中的“${phrase}”年份不合常理（方案期限 ${period[0]}—${period[1]} 年）`,
          '核对原文，改正年份或月份；这一处不会被当作完成时限。');
      }
      for (const phrase of [stated, ...labelled].flatMap((schedule) => schedule.impossible)) {
        report(file, 'warning', 'impossible-date', task.place, `任务 ${task.number} 中的日期“${phrase}”不存在（这个月没有这一天）`,
          '核对原文，改正日期；在改正之前，这一条按当月最后一天计。');
      }
      for (const phrase of labelled.flatMap((schedule) => schedule.yearless)) {
        report(file, 'warning', 'deadline-without-year', task.place, `任务 ${task.number} 的完成时限“${phrase}”没有写年份`,
          '在月份前写明年份（如“2024年6月底前”）；没有年份时，这一条按方案期限排序。');
      }
      for (const phrase of stated.yearless) {
        report(file, 'warning', 'deadline-without-year', task.place, `任务 ${task.number} 中的“${phrase}”没有写年份，前文也没有可承接的年份`,
          '写明年份（如“2025年6月底前”）；在写明之前，这一条不算完成时限。');
      }
    }
  };
}

interface DeadlineLabel {
  value: string;
  /** Where the label and its value stand in the task's text. */
  from: number;
  to: number;
}

/** The task's deadline labels (`完成时限：…`, `【完成时限】…`), placed in the joined text. */
function deadlineLabels(paragraphs: string[]): DeadlineLabel[] {
  const labels: DeadlineLabel[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    for (const segment of readLabels(paragraph)) {
      if (segment.kind !== 'deadline') continue;
      const cut = segment.value.search(VALUE_END);
      const value = cut < 0 ? segment.value : segment.value.slice(0, cut);
      const stop = paragraph.slice(segment.valueAt, segment.end).search(VALUE_END);
      labels.push({ value, from: offset + segment.at, to: offset + (stop < 0 ? segment.end : segment.valueAt + stop) });
    }
    offset += paragraph.length + 1;
  }
  return labels;
}

/** The text with the labels blanked, so a label's deadline is read once, as a label. */
function maskLabels(text: string, labels: DeadlineLabel[]): string {
  if (labels.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const label of labels) {
    parts.push(text.slice(from, label.from), ' '.repeat(label.to - label.from));
    from = label.to;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** The task's text before its label lines: what a labelled deadline governs. */
function bodyText(paragraphs: string[]): string {
  return paragraphs.map((paragraph) => paragraph.slice(0, labelBlockStart(paragraph) ?? paragraph.length).trim()).filter((part) => part !== '').join('\n');
}

function same(a: Milestone, b: Milestone): boolean {
  return a.year === b.year && a.month === b.month && a.qualifier === b.qualifier;
}

function emptySchedule(): Schedule {
  return { milestones: [], periods: [], implausible: [], ongoing: false, yearless: [], impossible: [] };
}
