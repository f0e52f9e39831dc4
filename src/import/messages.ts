import type { Message } from '../model/schema.ts';

/** Builds import messages; positions refer to the raw input (1-based). */
export function makeMessage(
  file: string,
  severity: Message['severity'],
  rule: string,
  place: { line: number; column: number },
  message: string,
  hint: string,
): Message {
  return { file, line: place.line, column: place.column, severity, rule, message, hint };
}
