/**
 * The one adapter around Pagefind's Node API.
 *
 * Indexes one custom record per task, made from the model (`write.ts`), and
 * writes `distDir/pagefind/`; no page of the built site is read, so the
 * indexer holds only the search text, not every page's HTML. Each record's
 * metadata carries its id in the substring index (`record`), so the search
 * page joins Pagefind's results to its own without a URL table. Pagefind's
 * API reports problems in `errors` arrays instead of throwing; every one of
 * them fails the build here, so a broken index is never published.
 */
import { accessSync, constants } from 'node:fs';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** The plans are Chinese: one index segmented as Chinese, whatever a page declares. */
export const SEARCH_LANGUAGE = 'zh-cn';

/** One search record: Pagefind's `addCustomRecord` input, without the language (always the index's). */
export interface SearchRecordInput {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SearchIndexResult {
  /** Records indexed (one per task). */
  pages: number;
  /** Files written under `<distDir>/pagefind/`. */
  files: number;
  /** Their total size. */
  bytes: number;
  /** Where the index was written. */
  outputPath: string;
}

export interface SearchIndexOptions {
  /** Passed to Pagefind; defaults to `zh-cn`. */
  forceLanguage?: string;
}

export async function buildSearchIndex(distDir: string, records: readonly SearchRecordInput[], options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const site = path.resolve(distDir);
  const outputPath = path.join(site, 'pagefind');
  if (!(await stat(site).catch(() => null))?.isDirectory()) {
    throw new Error(`搜索索引生成失败：目录 ${site} 不存在。请先运行 astro build。`);
  }
  findBinary();
  // Pagefind adds to an existing output directory; stale fragments would survive a rebuild.
  await rm(outputPath, { recursive: true, force: true });
  const restore = quietService();
  try {
    const created = await call('createIndex', () =>
      pagefind.createIndex({ forceLanguage: options.forceLanguage ?? SEARCH_LANGUAGE }),
    );
    const index = created.index;
    if (!index) throw searchError('createIndex', ['Pagefind 未返回索引'], site);

    const language = options.forceLanguage ?? SEARCH_LANGUAGE;
    // Sent in batches: one round trip to the indexer per record would leave it idle.
    for (let at = 0; at < records.length; at += 256) {
      await Promise.all(records.slice(at, at + 256).map((record) => call('addCustomRecord', () => index.addCustomRecord({ ...record, language }))));
    }
    const written = await call('writeFiles', () => index.writeFiles({ outputPath }));
    const out = written.outputPath || outputPath;
    const { files, bytes } = await measure(out);
    const pages = await indexedPages(out);
    if (pages !== records.length) throw searchError('writeFiles', [`交给 Pagefind ${records.length} 条记录，索引中有 ${pages} 条`], site);
    return { pages, files, bytes, outputPath: out };
  } finally {
    await pagefind.close();
    restore();
  }
}

/**
 * The binary Pagefind will run: `PAGEFIND_BINARY_PATH` (Pagefind's own
 * variable; the fault tests point it at a crashing or missing program) or
 * the platform package. Checked first, so a missing one is a clear message
 * rather than Pagefind's English error on stderr.
 */
function findBinary(): string {
  const configured = process.env.PAGEFIND_EXTENDED_BINARY_PATH || process.env.PAGEFIND_BINARY_PATH;
  if (configured) {
    try {
      accessSync(configured, constants.X_OK);
      return configured;
    } catch {
      throw new Error(`搜索索引生成失败：PAGEFIND_BINARY_PATH 指向的 Pagefind 程序 ${configured} 不存在或不可执行。`);
    }
  }
  const require = createRequire(import.meta.url);
  const platform = `@pagefind/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`${platform}/bin/${name}${process.platform === 'win32' ? '.exe' : ''}`);
    } catch {
      // try the next name
    }
  }
  throw new Error(`搜索索引生成失败：没有安装 Pagefind 程序（${platform}）。请运行 npm ci 重新安装依赖。`);
}

/** Pagefind's service prints "Service stopped" and a stack in English when its binary dies; the failure is reported in Chinese by the caller instead. */
function quietService(): () => void {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (args[0] === 'Service stopped') return;
    original(...args);
  };
  return () => {
    console.error = original;
  };
}

/** Runs one Pagefind call and turns both rejections and `errors` into one failure with context. */
async function call<T extends { errors: string[] }>(step: string, run: () => Promise<T>): Promise<T> {
  let response: T;
  try {
    response = await run();
  } catch (cause) {
    // Pagefind's own words when its binary dies; said in Chinese instead.
    if (cause instanceof Error && cause.message === 'Pagefind backend closed') {
      throw new Error(`搜索索引生成失败：Pagefind 程序意外退出（${step}）。`, { cause: new Error('Pagefind 程序在返回结果前退出') });
    }
    throw new Error(`搜索索引生成失败：Pagefind ${step} 出错。请重新构建；若问题重复出现，请报告此问题。`, {
      cause: cause instanceof Error ? cause : new Error(String(cause)),
    });
  }
  if (response.errors.length > 0) throw searchError(step, response.errors);
  return response;
}

function searchError(step: string, errors: string[], site?: string): Error {
  const where = site ? `（目录 ${site}）` : '';
  return new Error(
    `搜索索引生成失败：Pagefind ${step} 报告 ${errors.length} 个错误${where}：${errors.join('；')}。请重新构建；若问题重复出现，请报告此问题。`,
    { cause: new AggregateError(errors.map((e) => new Error(e)), `pagefind ${step}`) },
  );
}

/** The records the written index holds, from its entry file. */
async function indexedPages(out: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  if (pages === 0) throw searchError('writeFiles', ['索引中没有任何记录'], out);
  return pages;
}

async function measure(dir: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
