/**
 * `importFile(bytes, options)`: import a plan from whatever file it came in
 * (text, Word or PDF), chosen by content. Text goes to `importPlan` as bytes,
 * exactly as before; Word and PDF go as their decoded text.
 */
import { importPlan, type ImportOptions, type ImportResult } from '../index.ts';
import { readSource } from './index.ts';

export async function importFile(input: Uint8Array, options: ImportOptions): Promise<ImportResult & { kind: string }> {
  const source = await readSource(input, options.path);
  if (source.kind === 'error') return { kind: 'error', markdown: null, messages: [source.message], fixes: [] };
  return { kind: source.kind, ...importPlan(source.kind === 'text' ? input : source, options) };
}
