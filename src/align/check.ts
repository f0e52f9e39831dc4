/**
 * `checkAlignmentFile(path, plans)`: validates `content/alignment.yml`
 * against the plans — unknown task ids, a pinned row holding two tasks of
 * one plan, a pair both pinned and split — as messages with file:line:col.
 */
import { readFile } from 'node:fs/promises';
import type { Message } from '../model/schema.ts';
import type { AlignPlan } from './types.ts';
import { parseCurated } from './curated.ts';

export async function checkAlignmentFile(path: string, plans: Pick<AlignPlan, 'id' | 'tasks'>[]): Promise<Message[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [{ file: path, line: 1, column: 1, severity: 'error', rule: 'alignment-unreadable', message: `无法读取对照校订文件 ${path}。`, hint: '检查文件是否存在且可读；不需要校订时删除该文件。' }];
  }
  return checkCuration(text, path, plans);
}

/** The checks on text already read (pure; used by the CLI and the tests). */
export function checkCuration(text: string, path: string, plans: Pick<AlignPlan, 'id' | 'tasks'>[]): Message[] {
  const { entries, messages } = parseCurated(text, path);
  const known = new Set(plans.flatMap((p) => p.tasks.map((t) => t.id)));
  const planOf = (id: string) => id.slice(0, id.lastIndexOf('-'));
  const error = (line: number, column: number, rule: string, message: string, hint: string): Message =>
    ({ file: path, line, column, severity: 'error', rule, message, hint });
  for (const entry of entries) {
    for (const x of entry.ids) {
      if (!known.has(x.id))
        messages.push(error(x.line, x.column, 'alignment-unknown-task', `任务“${x.id}”不存在。`, '任务编号写作 <方案id>-<序号>，如 yueyang-7；检查方案与序号。'));
    }
    if (entry.kind === 'pin') {
      const seen = new Map<string, string>();
      for (const x of entry.ids) {
        const other = seen.get(planOf(x.id));
        if (other && other !== x.id)
          messages.push(error(x.line, x.column, 'alignment-same-plan', `同一行中有同一方案的两项任务：${other} 和 ${x.id}。`, '每行每个方案至多一项任务；拆分后的任务请分别与合并任务 pin 成多行。'));
        seen.set(planOf(x.id), x.id);
      }
    }
  }
  const pinned = new Map<string, { line: number; column: number }>();
  for (const e of entries.filter((e) => e.kind === 'pin'))
    for (const a of e.ids) for (const b of e.ids) if (a.id < b.id) pinned.set(`${a.id}|${b.id}`, e);
  for (const e of entries.filter((e) => e.kind === 'split')) {
    const [a, b] = [e.ids[0].id, e.ids[1].id].sort();
    const pin = pinned.get(`${a}|${b}`);
    if (pin)
      messages.push(error(e.line, e.column, 'alignment-contradiction', `${a} 与 ${b} 既被 pin 又被 split（pin 在第 ${pin.line} 行）。`, '删去其中一条。'));
  }
  return messages.sort((x, y) => x.line - y.line || x.column - y.column);
}
