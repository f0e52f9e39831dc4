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

export { formatMessage, formatSummary, hasErrors } from './format.ts';
