/**
 * The search step of the build: from the model, the sharded substring index
 * (`shardSubstringIndex`) and the Pagefind index (custom records through the
 * adapter in pagefind.ts), both written into the built site. Nothing here
 * reads the built pages.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plan, Task } from '../model/schema.ts';
import { buildSubstringIndex, type SubstringIndex } from './substring.ts';
import { FILTERS } from './record.ts';
import { shardSubstringIndex, type ShardOptions } from './shards.ts';
import { buildSearchIndex, type SearchIndexResult, type SearchRecordInput } from './pagefind.ts';

export interface SearchFilesResult {
  pagefind: SearchIndexResult;
  /** Files written under `<distDir>/search/`, their total size and the largest one. */
  files: number;
  bytes: number;
  largest: { path: string; bytes: number };
}

/** `status`: a task's shown progress status (the 状态 filter), as in `buildSubstringIndex`. */
export async function writeSearchFiles(
  distDir: string,
  plans: Plan[],
  status: (task: Task) => string | undefined = () => undefined,
  options: ShardOptions = {},
): Promise<SearchFilesResult> {
  const index = buildSubstringIndex(plans, status);
  const searchDir = path.join(distDir, 'search');
  // Written beside, then swapped in: a failed build never leaves half an index.
  const scratch = `${searchDir}.partial`;
  await rm(scratch, { recursive: true, force: true });
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  const files = shardSubstringIndex(index, options);
  for (const file of files) {
    const json = JSON.stringify(file.data);
    const body = file.gzip ? gzipSync(json, { level: 9 }) : Buffer.from(json);
    const target = path.join(scratch, path.relative('search', file.path));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, body);
    bytes += body.length;
    if (body.length > largest.bytes) largest = { path: file.path, bytes: body.length };
  }
  // The search page (search/index.html) shares the folder: only the index's files are replaced.
  for (const name of ['index.json', 'facets', 'grams', 'records']) {
    await rm(path.join(searchDir, name), { recursive: true, force: true });
    await mkdir(searchDir, { recursive: true });
    await rename(path.join(scratch, name), path.join(searchDir, name));
  }
  await rm(scratch, { recursive: true, force: true });

  const pagefind = await buildSearchIndex(distDir, pagefindRecords(index));
  return { pagefind, files: files.length, bytes, largest };
}

/** One Pagefind record per task of the index, carrying its id there (`meta.record`) and its filter values. */
export function pagefindRecords(index: SubstringIndex): SearchRecordInput[] {
  return index.records.map((record, id) => {
    const units = record.filters.责任单位.map((i) => index.values.责任单位[i]!);
    return {
      url: record.url,
      // The lead phrase first, then the text and the unit names, as a task page shows them.
      content: [record.title, record.text, units.join(' ')].filter(Boolean).join('\n'),
      meta: { title: record.title, plan: record.plan, number: String(record.number), deadline: record.deadline, record: String(id) },
      filters: Object.fromEntries(
        FILTERS.filter((f) => record.filters[f].length > 0).map((f) => [f, record.filters[f].map((i) => index.values[f][i]!)]),
      ),
    };
  });
}
