/**
 * Checks the task numbers as written: each task should be the previous
 * number plus one, starting at 1.
 *
 * ```markdown
 * 12. …
 * 14. …      → task-number-gap: 任务 14 接在任务 12 之后，缺少 13
 * 14. …      → task-number-duplicate: 任务序号 14 重复
 * ```
 * Nothing is renumbered: the numbers stay as written so the page for task 14
 * is the task the document calls 14. A plan that numbers on through its
 * sections (`（一）指导思想。…（二）工作目标。…` under 总体要求, then tasks from
 * `（三）`) starts its tasks after those items.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './report.ts';
import type { Block } from '../model/schema.ts';
import { numberedBefore } from '../model/document.ts';

export default function remarkTaskNumbering() {
  return (_tree: Root, file: VFile) => {
    // Numbers that restart in each action were checked run by run when they were read.
    if (file.data.structure?.restarts) return;
    const tasks = file.data.structure?.tasks ?? [];
    const seen = new Map<number, number>();
    let previous = numberedFirst(file.data.structure?.body ?? []);
    for (const task of tasks) {
      const { number, place } = task;
      const firstLine = seen.get(number);
      if (firstLine !== undefined) {
        report(file, 'error', 'task-number-duplicate', place, `任务序号 ${number} 重复（第 ${firstLine} 行已有任务 ${number}）`,
          '每个任务的序号在方案内只能出现一次；按原文核对后改正其中一个序号。');
      } else if (number > previous + 1) {
        const missing = number - previous === 2 ? `${previous + 1}` : `${previous + 1}–${number - 1}`;
        const after = previous === 0 ? `任务 ${number} 是第一个任务` : `任务 ${number} 接在任务 ${previous} 之后`;
        report(file, 'error', 'task-number-gap', place, `${after}，缺少 ${missing}`,
          '按原文核对：补上缺少的任务，或改正这个序号。序号不会被自动重排。');
      } else if (number <= previous) {
        report(file, 'error', 'task-number-order', place, `任务 ${number} 排在任务 ${previous} 之后，序号倒退`,
          '任务按序号从小到大排列；按原文核对序号。');
      }
      if (firstLine === undefined) seen.set(number, place.line);
      previous = Math.max(previous, number);
    }
  };
}

/** Items numbered 1, 2, … in the paragraphs before the first task, when the first task's number follows them (model/document.ts). */
function numberedFirst(body: Block[]): number {
  const first = body.findIndex((b) => b.kind === 'task');
  const task = body[first];
  if (!task || task.kind !== 'task') return 0;
  return numberedBefore(body.slice(0, first).flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : [])), task.number);
}
