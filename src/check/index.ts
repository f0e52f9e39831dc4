/**
 * `checkFiles(paths)`: parses each content file and returns every message
 * about it; `formatMessage` and `formatSummary` print them the way compilers
 * and linters do:
 *
 * ```text
 * content/plans/changning.md:212:1: 错误 任务 14 接在任务 12 之后，缺少 13 (task-number-gap)
 *   提示：按原文核对：补上缺少的任务，或改正这个序号。序号不会被自动重排。
 * 1 个错误，0 个警告
 * ```
 * A file that cannot be read is a message too, never an exception.
 */
import { readFile } from 'node:fs/promises';
import type { Message, Plan } from '../model/schema.ts';
import { parsePlan } from '../parse/index.ts';
import { duplicateIds } from '../load/plans.ts';

export async function checkFiles(paths: string[]): Promise<Message[]> {
  const messages: Message[] = [];
  const plans: Plan[] = [];
  for (const path of paths) {
    let markdown: string;
    try {
      markdown = await readFile(path, 'utf8');
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      messages.push({ file: path, line: 1, column: 1, severity: 'error', rule: 'file-unreadable',
        message: code === 'ENOENT' ? '文件不存在' : `无法读取文件（${code ?? '未知原因'}）`,
        hint: '检查路径是否正确；方案文件放在 content/plans/<id>.md。' });
      continue;
    }
    const result = parsePlan(markdown, path);
    messages.push(...result.messages);
    if (result.plan) plans.push(result.plan);
  }
  return [...messages, ...duplicateIds(plans)];
}

const SEVERITY = { error: '错误', warning: '警告' } as const;

/** `file:line:col: 错误 message (rule)` and the hint on the next line. */
export function formatMessage(message: Message): string {
  const place = message.at ?? `${message.line}:${message.column}`;
  const head = `${message.file}:${place}: ${SEVERITY[message.severity]} ${message.message} (${message.rule})`;
  return message.hint ? `${head}\n  提示：${message.hint}` : head;
}

/** One line counting errors and warnings, for the end of a check. */
export function formatSummary(messages: Message[]): string {
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  if (messages.length === 0) return '检查通过：没有发现问题';
  return `${errors} 个错误，${warnings} 个警告`;
}

/** Whether the check should fail (exit code 1). */
export function hasErrors(messages: Message[]): boolean {
  return messages.some((m) => m.severity === 'error');
}
