/**
 * Progress records back to YAML, in the shape `read.ts` reads: entries in
 * task order then date order, empty fields left out, the file's leading
 * comment kept. Pure (`planbook progress import` does the writing).
 */
import { stringify } from 'yaml';
import type { ProgressEntry, ProgressFile } from '../model/progress.ts';

/** Entries of `incoming` replace those of `existing` with the same task and date; the rest are kept. */
export function mergeEntries(existing: readonly ProgressEntry[], incoming: readonly ProgressEntry[]): ProgressEntry[] {
  const key = (e: ProgressEntry) => `${e.task} ${e.date}`;
  const replaced = new Set(incoming.map(key));
  return [...existing.filter((e) => !replaced.has(key(e))), ...incoming];
}

/** The YAML text; `header` is a comment block (each line starting with `#`) put on top. */
export function stringifyProgress(file: Pick<ProgressFile, 'plan' | 'asOf' | 'entries'>, header = ''): string {
  const reports = [...file.entries].sort(compareEntries).map((e) => ({
    task: e.task,
    date: e.date,
    status: e.status,
    ...(e.progress ? { progress: e.progress } : {}),
    ...(e.unit ? { unit: e.unit } : {}),
    ...(e.evidence.length > 0 ? { evidence: e.evidence } : {}),
    ...(e.note ? { note: e.note } : {}),
  }));
  const body = stringify({ plan: file.plan, ...(file.asOf ? { asOf: file.asOf } : {}), reports }, { lineWidth: 0 });
  return (header ? header.trimEnd() + '\n' : '') + body;
}

/** The comment lines at the top of a YAML text (kept when the file is rewritten). */
export function leadingComment(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line);
  }
  return lines.join('\n');
}

function compareEntries(a: ProgressEntry, b: ProgressEntry): number {
  return taskNumber(a.task) - taskNumber(b.task) || a.task.localeCompare(b.task) || a.date.localeCompare(b.date);
}

function taskNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}
