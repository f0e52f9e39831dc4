/**
 * The one adapter around Pagefind's Node API.
 *
 * Indexes the built site in `distDir` and writes `distDir/pagefind/`. Only
 * elements marked `data-pagefind-body` are indexed (the task pages), so every
 * search record is one task. Also writes `search/pagefind-urls.json`
 * (result id → URL) for the search page. Pagefind's API reports problems in `errors`
 * arrays instead of throwing; every one of them fails the build here, so a
 * broken index is never published.
 */
import { accessSync, constants } from 'node:fs';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { writeFragmentUrls } from './fragment-urls.ts';

/** The plans are Chinese: one index segmented as Chinese, whatever a page declares. */
export const SEARCH_LANGUAGE = 'zh-cn';

export interface SearchIndexResult {
  /** Pages indexed: those with a `data-pagefind-body` element (one per task). */
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
  /** Every indexed page's URL must match; defaults to task pages, `/plans/<id>/tasks/<n>/`. */
  recordUrl?: RegExp;
}

const TASK_URL = /^\/plans\/[^/]+\/tasks\/\d+\/$/;

export async function buildSearchIndex(distDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
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

    await call('addDirectory', () => index.addDirectory({ path: site }));
    const written = await call('writeFiles', () => index.writeFiles({ outputPath }));
    const out = written.outputPath || outputPath;
    const { files, bytes } = await measure(out);
    const pages = await indexedPages(out);
    const urls = await writeFragmentUrls(out, path.join(site, 'search', 'pagefind-urls.json'));
    if (urls.length !== pages) throw searchError('writeFiles', [`索引了 ${pages} 个页面，但写出 ${urls.length} 个片段`], site);
    // Without any data-pagefind-body Pagefind indexes whole pages; only task pages may be records.
    const stray = urls.filter((u) => !(options.recordUrl ?? TASK_URL).test(u));
    if (stray.length > 0) {
      throw searchError('addDirectory', [`这些页面不是任务页却被索引：${stray.slice(0, 5).join('、')}${stray.length > 5 ? ' 等' : ''}`], site);
    }
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
    throw new Error(`搜索索引生成失败：Pagefind ${step} 出错。请检查 dist/ 中的页面后重新构建。`, {
      cause: cause instanceof Error ? cause : new Error(String(cause)),
    });
  }
  if (response.errors.length > 0) throw searchError(step, response.errors);
  return response;
}

function searchError(step: string, errors: string[], site?: string): Error {
  const where = site ? `（目录 ${site}）` : '';
  return new Error(
    `搜索索引生成失败：Pagefind ${step} 报告 ${errors.length} 个错误${where}：${errors.join('；')}。请确认已先运行 astro build，且任务页带有 data-pagefind-body。`,
    { cause: new AggregateError(errors.map((e) => new Error(e)), `pagefind ${step}`) },
  );
}

/** `addDirectory`'s page_count counts every HTML file seen; the entry file counts what was indexed. */
async function indexedPages(out: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(out, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  if (pages === 0) throw searchError('addDirectory', ['没有找到带 data-pagefind-body 的页面'], out);
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
