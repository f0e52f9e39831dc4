/**
 * How messages are printed, the way compilers and linters do (see
 * index.ts). Apart from the checker itself, so that what only prints a
 * message (the site settings read by Astro's config and every page) does
 * not load the whole checker.
 */
import type { Message } from '../model/schema.ts';

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
