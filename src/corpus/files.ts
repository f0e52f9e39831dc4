/**
 * Reading the source plans and writing a corpus folder. The folder holds
 * `<id>.md` files and `corpus.json`, which records what the corpus was made
 * from, so a benchmark can tell whether it is still current.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../export/write-atomic.ts';
import { DEFAULT_SEED, generatePlan, prepareSources, type CorpusOptions, type SourcePlan } from './index.ts';

export interface CorpusManifest {
  count: number;
  seed: number;
  restart: number;
  /** Hash of the source files: a corpus made from other sources is stale. */
  sources: string;
}

/**
 * The plans in `dir`: each `<id>.md` in it, and each `<id>/expected.md` (the
 * layout of the shape fixtures, test/fixtures/shapes: a plan as another
 * office wrote it, imported), in the order of their ids.
 */
export async function readSources(dir: string): Promise<SourcePlan[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => ({ id: e.name.slice(0, -3), path: join(dir, e.name) }));
  const fixtures = entries.filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'expected.md'))).map((e) => ({ id: e.name, path: join(dir, e.name, 'expected.md') }));
  const found = [...files, ...fixtures].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Promise.all(found.map(async ({ id, path }) => ({ id, markdown: await readFile(path, 'utf8') })));
}

/**
 * The plans of each folder in `dirs`, one folder after another (`--from`
 * given more than once); an error naming the first folder that cannot be
 * read or holds no plan.
 */
export async function readSourceFolders(dirs: readonly string[]): Promise<SourcePlan[]> {
  const sources: SourcePlan[] = [];
  for (const dir of dirs) {
    const found = await readSources(dir).catch(() => []);
    if (found.length === 0) throw new Error(`${dir} 下没有方案文件，无法生成语料。`);
    sources.push(...found);
  }
  return sources;
}

export function sourcesHash(sources: readonly SourcePlan[]): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(`${source.id}\0${source.markdown}\0`);
  return hash.digest('hex').slice(0, 16);
}

export async function readManifest(dir: string): Promise<CorpusManifest | null> {
  const path = join(dir, 'corpus.json');
  return existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as CorpusManifest) : null;
}

/** True when `dir` holds the corpus these sources, count and seed make. */
export async function isCorpusCurrent(dir: string, sources: readonly SourcePlan[], count: number, options: CorpusOptions = {}) {
  const manifest = await readManifest(dir);
  return (
    manifest?.count === count &&
    manifest.seed === (options.seed ?? DEFAULT_SEED) &&
    manifest.restart === (options.restart ?? 0) &&
    manifest.sources === sourcesHash(sources)
  );
}

/** Replace the corpus in `dir` (its `.md` files and manifest) with a new one. */
export async function writeCorpus(dir: string, sources: readonly SourcePlan[], count: number, options: CorpusOptions = {}) {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) if (name.endsWith('.md') || name === 'corpus.json') await rm(join(dir, name));
  const prepared = prepareSources(sources);
  let tasks = 0;
  for (let index = 0; index < count; index++) {
    const plan = generatePlan(prepared, index, options);
    tasks += plan.markdown.match(/^\d+\. |^\| \d+ \|/gm)?.length ?? 0;
    await writeFileAtomic(join(dir, `${plan.id}.md`), plan.markdown);
  }
  const manifest: CorpusManifest = {
    count,
    seed: options.seed ?? DEFAULT_SEED,
    restart: options.restart ?? 0,
    sources: sourcesHash(sources),
  };
  await writeFileAtomic(join(dir, 'corpus.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { count, tasks };
}
