/**
 * Warns about a task whose text stops mid-sentence, as a file cut short or a
 * lost line leaves it.
 *
 * ```markdown
 * 3. **强化隐患闭环管理**。按照“三管三必须”和“业务相近”的要求，全面深入
 * ```
 * → warning `task-text-unfinished` at task 3. Label lines after the text
 * (`完成时限：2024年底前`, `【牵头单位】区应急局`) end without a full stop and
 * are not read: the check is on the task's text before them.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './report.ts';
import { labelBlockStart } from './labels.ts';

const FINISHED = /[。！？!?；;…）)\]】”"’』」>]$/u;

export default function remarkTaskEndings() {
  return (_tree: Root, file: VFile) => {
    for (const task of file.data.structure?.tasks ?? []) {
      if (task.table) continue;
      const last = task.paragraphs.map(beforeLabels).filter((text) => text !== '').at(-1) ?? '';
      // A title line of its own with label lines under it (`**开展…整治**` / `牵头单位：…`) is whole.
      const titleOnly = task.marked !== null && task.marked !== undefined && last === task.marked && task.paragraphs.length > 1;
      if (last !== '' && !titleOnly && !FINISHED.test(last)) {
        report(file, 'warning', 'task-text-unfinished', task.place, `任务 ${task.number} 的文字没有以句号等标点结束：“…${last.slice(-15)}”`,
          '核对原文：这一条可能被截断，或下一行被误拆成了别的段落。');
      }
    }
  };
}

function beforeLabels(paragraph: string): string {
  return paragraph.slice(0, labelBlockStart(paragraph) ?? paragraph.length).trim();
}
