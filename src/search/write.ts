/**
 * The search step of the build: from the model, the sharded substring index
 * (`shardSubstringIndex`) and the Pagefind index (custom records through the
 * adapter in pagefind.ts), both written into the built site. Nothing here
 * reads the built pages.
 */
import { existsSync } from 'node:fs';
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
  options: ShardOptions & { afterShards?: () => void } = {},
): Promise<SearchFilesResult> {
  const index = buildSubstringIndex(plans, status);
  const records = pagefindRecords(index);
  // The substring shards first, then Pagefind's index in its own process: run side by side, the shards'
  // working memory came on top of Pagefind's peak (the build's largest, 3.8 GB at 1,000 plans).
  // `afterShards` runs between (the build collects its garbage there).
  const shards = await writeShards(distDir, index, options);
  options.afterShards?.();
  const pagefind = await buildSearchIndex(distDir, records);
  return { pagefind, ...shards };
}

/** Shard files written at a time. */
const WRITES = 16;

/** The sharded substring index, written into `<distDir>/search/` beside the search page. */
async function writeShards(distDir: string, index: SubstringIndex, options: ShardOptions): Promise<Omit<SearchFilesResult, 'pagefind'>> {
  const searchDir = path.join(distDir, 'search');
  // Written beside, then swapped in: a failed build never leaves half an index.
  const scratch = `${searchDir}.partial`;
  await rm(scratch, { recursive: true, force: true });
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  const files = shardSubstringIndex(index, options);
  const folders = new Map<string, Promise<unknown>>();
  const write = async (file: (typeof files)[number]) => {
    const json = JSON.stringify(file.data);
    const body = file.gzip ? gzipSync(json, { level: 9 }) : Buffer.from(json);
    const target = path.join(scratch, path.relative('search', file.path));
    const folder = path.dirname(target);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await writeFile(target, body);
    bytes += body.length;
    if (body.length > largest.bytes || (body.length === largest.bytes && file.path < largest.path)) largest = { path: file.path, bytes: body.length };
  };
  for (let at = 0; at < files.length; at += WRITES) await Promise.all(files.slice(at, at + WRITES).map(write));
  // The search page (search/index.html) shares the folder: only the index's files are replaced.
  for (const name of ['index.json', 'facets', 'grams', 'lists', 'records']) {
    await rm(path.join(searchDir, name), { recursive: true, force: true });
    await mkdir(searchDir, { recursive: true });
    // No list is long enough for a file of its own in a small site.
    if (existsSync(path.join(scratch, name))) await rename(path.join(scratch, name), path.join(searchDir, name));
  }
  await rm(scratch, { recursive: true, force: true });
  return { files: files.length, bytes, largest };
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
