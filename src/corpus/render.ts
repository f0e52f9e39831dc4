/**
 * Write a segmented plan back out as the body of a plan file: text, and
 * actions whose tasks are a numbered list or, for some actions, a GFM table
 * with 序号 | 工作任务 | 责任单位 | 完成时限 columns.
 */
import type { ActionSegment, Segment, TaskItem } from './segment.ts';

export interface RenderOptions {
  /** Number tasks from 1 in every action instead of through the whole plan. */
  restart: boolean;
  /** Actions written as a table, with the 责任单位 cell of each task. */
  tables: Map<ActionSegment, string[]>;
  /** Deadline cell for a table row whose text states none. */
  defaultDeadline: string;
}

/** The Markdown after the front matter. */
export function renderBody(segments: Segment[], options: RenderOptions): string {
  const blocks: string[] = [];
  let number = 0;
  for (const segment of segments) {
    if (segment.kind === 'text') {
      blocks.push(...textBlocks(segment.lines));
      continue;
    }
    blocks.push(segment.heading);
    if (options.restart) number = 0;
    const units = options.tables.get(segment);
    const tasks = segment.items.filter((item): item is TaskItem => item.kind === 'task');
    if (units) {
      const rows = tasks.map((task, i) => tableRow(++number, task, units[i] ?? '', options.defaultDeadline));
      blocks.push(['| 序号 | 工作任务 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- |', ...rows].join('\n'));
    }
    for (const item of segment.items) {
      if (item.kind === 'text') blocks.push(...textBlocks(item.lines));
      else if (!units) blocks.push(listItem(++number, item));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Text lines as blocks: runs of lines separated by blank lines. */
function textBlocks(lines: string[]): string[] {
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
}

function listItem(number: number, task: TaskItem): string {
  const marker = `${number}. `;
  const indent = ' '.repeat(marker.length);
  return task.paragraphs.map((paragraph, i) => (i === 0 ? marker : indent) + paragraph).join('\n\n');
}

function tableRow(number: number, task: TaskItem, units: string, defaultDeadline: string): string {
  const text = task.paragraphs.join('');
  const deadline = /\d{4}年(?:\d{1,2}月)?底?前/.exec(text)?.[0] ?? defaultDeadline;
  return `| ${number} | ${cell(text)} | ${cell(units)} | ${deadline} |`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\s+/g, ' ');
}
