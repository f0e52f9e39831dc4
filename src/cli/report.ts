/** Printing messages and the summary line that ends `check`, `import` and `export`. */
import type { Message } from '../model/schema.ts';
import type { CliDeps, CliIo } from './types.ts';

export interface Tally {
  errors: number;
  warnings: number;
}

/** Errors go to stderr and warnings to stdout, in file and line order. */
export function printMessages(messages: readonly Message[], deps: Pick<CliDeps, 'formatMessage'>, io: CliIo): Tally {
  const sorted = [...messages].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  for (const message of sorted) {
    (message.severity === 'error' ? io.stderr : io.stdout)(deps.formatMessage(message));
  }
  return tally(messages);
}

export function tally(messages: readonly Message[]): Tally {
  const errors = messages.filter((message) => message.severity === 'error').length;
  return { errors, warnings: messages.length - errors };
}

/** `3 个文件：1 个错误，2 个警告`, or `3 个文件：没有问题`. */
export function summaryLine(files: number, { errors, warnings }: Tally): string {
  const counts = errors + warnings === 0 ? '没有问题' : `${errors} 个错误，${warnings} 个警告`;
  return `${files} 个文件：${counts}`;
}
