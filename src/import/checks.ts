/**
 * Checks the imported structure: numbered tasks exist, their numbers run
 * 1, 2, 3… (duplicates and gaps are reported, never renumbered), and the text
 * does not stop mid-sentence (a truncated file).
 */
import type { Message } from '../model/schema.ts';
import type { Line } from './lines.ts';
import type { Block } from './structure.ts';
import { FINAL, isStandalone, looksLikeBrokenDate } from './markers.ts';
import { numberedBefore } from '../model/document.ts';
import { makeMessage } from './messages.ts';
import { textWhere, type Where } from './where.ts';
import { labelBlockStart } from '../parse/labels.ts';
import { taskTableHeader } from '../parse/table.ts';

/** A task list's last item may end with its deadline: `【完成时限】2024年11月底前`, `（责任单位：A）长期坚持`. */
/** `…落实。（责任单位：市安委办；完成时限：2025年12月31日前）`: a unit or deadline clause after a sentence ends a task whole. */
const ENDS_WITH_CLAUSE = /(?:[。；！？][（(〔【][^（）()〔〕【】]*|[（(〔【][^（）()〔〕【】]*(?:单位|时限|牵头|负责|配合)[^（）()〔〕【】]*)[）)〕】]$/;
const ENDS_WITH_TIME = /(?:\d{4}\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?|第?[一二三四1-4]季度|[上下]半年|年?底)?|\d{1,2}\s*月(?:\d{1,2}\s*日)?)(?:底前|底|前|内|份)?(?:完成)?$|(?:长期坚持|持续推进|持续开展|常态化(?:开展|推进)?)$/;

/** `whole`: the input was read to its end (a Word or PDF file), so it cannot have been cut short. */
export function checkImport(blocks: Block[], lines: Line[], file: string, where: Where = textWhere, whole = false): Message[] {
  const messages: Message[] = [];
  const tasks = blocks.filter((b): b is Extract<Block, { kind: 'task' }> => b.kind === 'task');
  const tableRows = blocks.some((b) => b.kind === 'table' && b.rows.length > 1 && taskTableHeader(b.rows[0]!) !== null);
  if (tasks.length === 0 && !tableRows) {
    const last = lines.at(-1);
    messages.push(makeMessage(file, 'error', 'import-no-tasks', { line: last?.line ?? 1, column: 1 },
      '没有找到编号的任务（如“1. 进一步强化党委政府责任。……”）：文本可能不完整或被截断',
      '请确认输入包含完整的“主要任务”部分后再导入'));
  }
  for (const task of tasks) {
    const written = /\d+/.exec(task.marker)?.[0] ?? '';
    const place = { line: task.at.line, column: task.at.column };
    if (task.number === 0) {
      messages.push(makeMessage(file, 'error', 'import-task-number-zero', place, '任务序号是 0：序号从 1 开始',
        '请对照原文改正这个序号后重新导入'));
    } else if (/^0\d/.test(written)) {
      messages.push(makeMessage(file, 'warning', 'import-task-number-leading-zero', place, `任务序号“${written}”有前导零，按 ${task.number} 导入`,
        '请对照原文核对序号'));
    }
  }
  if (!restartsInEachAction(blocks)) for (const item of numberingMessages(tasks, file, where, numberedFirst(blocks))) messages.push(item);
  // A text ending in a table (an annex 分工表) ends with its last row, not a sentence.
  const last = lines.at(-1)?.cells ? undefined : lines.at(-1);
  // A document may end with a signature, date, 附件/抄送 line or contact details, not a sentence.
  // …or with a task's label line (配合部门：各社区), which ends without a stop.
  const labelLine = last !== undefined && labelBlockStart(last.text.trim()) === 0;
  if (!whole && last && !labelLine && !FINAL.test(last.text) && !isStandalone(last.text) && !looksLikeBrokenDate(last.text) && !/[A-Za-z0-9]$/.test(last.text) && !ENDS_WITH_TIME.test(last.text) && !ENDS_WITH_CLAUSE.test(last.text)) {
    messages.push(makeMessage(file, 'warning', 'import-truncated', { line: last.line, column: [...last.text].length + last.column },
      '文本在句子中间结束，文件可能被截断',
      '请确认提取的文本完整；若原文确实如此，可忽略此提示'));
  }
  return messages;
}

/** Numbers run 1, 2, 3…: a repeat or a gap is an error, as `check` would report it. */
function numberingMessages(tasks: Array<Extract<Block, { kind: 'task' }>>, file: string, where: Where, before: number): Message[] {
  const messages: Message[] = [];
  let expected = before + 1;
  const seen = new Map<number, number>();
  for (const task of tasks) {
    const place = { line: task.at.line, column: task.at.column };
    const before = seen.get(task.number);
    if (before !== undefined) {
      messages.push(makeMessage(file, 'error', 'import-task-number-duplicate', place,
        `任务编号 ${task.number} 重复（${where(before)}已有任务 ${task.number}）`,
        '请对照原文改正编号后重新导入；导入不会自动重新编号'));
    } else if (task.number !== expected && task.number !== 0) {
      messages.push(makeMessage(file, 'error', 'import-task-number-gap', place,
        `任务 ${task.number} 紧接在任务 ${expected - 1} 之后；应为 ${expected}`,
        '请对照原文核对是否漏掉或错编了任务，改正后重新导入；导入不会自动重新编号'));
    }
    if (before === undefined) seen.set(task.number, task.at.line);
    expected = Math.max(expected, task.number + 1);
  }
  return messages;
}

/** Every action (or section) numbers its own tasks 1, 2, 3… (the parser gives them running numbers). */
function restartsInEachAction(blocks: Block[]): boolean {
  const runs: number[][] = [];
  let heading = true;
  for (const block of blocks) {
    if (block.kind === 'action' || block.kind === 'section') heading = true;
    if (block.kind !== 'task') continue;
    if (runs.length === 0 || (heading && block.number === 1)) runs.push([]);
    runs.at(-1)!.push(block.number);
    heading = false;
  }
  return runs.length >= 2 && runs.every((run) => run.every((n, k) => n === k + 1));
}

/** Items numbered 1, 2, … before the first task, when the first task's number follows them (model/document.ts). */
function numberedFirst(blocks: Block[]): number {
  const first = blocks.findIndex((b) => b.kind === 'task');
  const task = blocks[first];
  if (!task || task.kind !== 'task') return 0;
  return numberedBefore(blocks.slice(0, first).flatMap((b) => (b.kind === 'paragraph' || b.kind === 'action' ? [b.text] : [])), task.number);
}
