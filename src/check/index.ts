/**
 * `checkProject(files)` (see project.ts) checks every content file, and
 * `checkFiles(paths)` just plan files; `formatMessage` and `formatSummary`
 * print the messages the way compilers and linters do:
 *
 * ```text
 * content/plans/changning.md:212:1: 错误 任务 14 接在任务 12 之后，缺少 13 (task-number-gap)
 *   提示：按原文核对：补上缺少的任务，或改正这个序号。序号不会被自动重排。
 * 1 个错误，0 个警告
 * ```
 * A file that cannot be read is a message too, never an exception.
 */
import type { Message } from '../model/schema.ts';
import { checkProject } from './project.ts';

export { checkProject, type ProjectCheck, type ProjectFiles } from './project.ts';
export { RULES, type RuleId } from './rules.ts';

/** Plan files alone (no units or alignment file), paths shown as given. */
export async function checkFiles(paths: string[]): Promise<Message[]> {
  return (await checkProject({ root: process.cwd(), plans: paths })).messages;
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
