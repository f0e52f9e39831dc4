/**
 * Content problems are vfile messages with a position, a stable rule id and
 * a hint (`note`), the way remark-lint reports them. `toMessages` turns them
 * into the model's `Message` records at the end of a parse.
 */
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import type { Message } from '../model/schema.ts';

export type Severity = 'error' | 'warning';

/** Records one problem on `file`. Errors are marked `fatal: true` (without throwing). */
export function report(
  file: VFile,
  severity: Severity,
  rule: string,
  place: Point | Position | null | undefined,
  message: string,
  hint: string,
): void {
  const entry = file.message(message, { place: place ?? undefined, ruleId: rule, source: 'planbook' });
  entry.fatal = severity === 'error' ? true : false;
  entry.note = hint;
}

/** The model's view of the messages collected on `file`, in source order. */
export function toMessages(file: VFile, path: string): Message[] {
  return file.messages
    .map((entry) => ({
      file: path,
      line: entry.line ?? 1,
      column: entry.column ?? 1,
      severity: entry.fatal ? ('error' as const) : ('warning' as const),
      rule: entry.ruleId ?? 'unknown',
      message: entry.reason,
      hint: entry.note ?? '',
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
