/**
 * A filled 进展填报表 → the new text of each `content/progress/<plan>.yml`
 * it touches. Pure: the caller hands in the workbook bytes and the current
 * files, and writes the result only when no message is an error.
 *
 * Entries from the workbook replace those of the same task and date; the
 * file's asOf becomes the later of its own and `asOf`. A file marked as
 * sample data (`示例数据` in its leading comment) is replaced, not merged:
 * real reports are never mixed with invented ones.
 */
import { SAMPLE_MARK } from '../model/progress.ts';
import type { Message, Plan } from '../model/schema.ts';
import { checkProgressFile } from './check.ts';
import { readProgress } from './read.ts';
import { leadingComment, mergeEntries, stringifyProgress } from './write.ts';
import { readProgressXlsx } from './xlsx-read.ts';

export interface ProgressOutput {
  plan: string;
  path: string;
  text: string;
  /** Entries taken from the workbook. */
  count: number;
  /** The file held sample data, now replaced. */
  replacedSample: boolean;
}

export interface ImportOptions {
  file: string; // the workbook as named in messages
  plans: readonly Plan[];
  asOf: string;
  /** Where a plan's progress file goes (as shown in messages). */
  pathOf(plan: string): string;
  /** The current text of that file, or null when there is none. */
  current(path: string): string | null;
}

export async function importProgress(bytes: Uint8Array, options: ImportOptions): Promise<{ outputs: ProgressOutput[]; skipped: number; messages: Message[] }> {
  const { entries, skipped, messages } = await readProgressXlsx(bytes, options.file, options.plans, options.asOf);
  const outputs: ProgressOutput[] = [];
  for (const [plan, incoming] of entries) {
    const path = options.pathOf(plan);
    const old = options.current(path);
    const header = old === null ? '' : leadingComment(old);
    const sample = header.includes(SAMPLE_MARK);
    const existing = old === null || sample ? null : readProgress(old, path);
    // A current file with problems is not rewritten: what could not be read would be lost.
    if (existing && (!existing.progress || existing.messages.some((m) => m.severity === 'error'))) {
      messages.push(...existing.messages);
      continue;
    }
    const before = existing?.progress;
    const asOf = before?.asOf && before.asOf > options.asOf ? before.asOf : options.asOf;
    const text = stringifyProgress({ plan, asOf, entries: mergeEntries(before?.entries ?? [], incoming) }, sample ? '' : header);
    // The file as it would be written passes the same check as the build's, or nothing is written.
    messages.push(...checkProgressFile(text, path, options.plans));
    outputs.push({ plan, path, text, count: incoming.length, replacedSample: sample });
  }
  return { outputs, skipped, messages };
}
