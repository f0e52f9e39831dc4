/**
 * Search benchmark: Pagefind index size and files, what a first query
 * downloads, indexing time and peak memory (the five plans, and a corpus of
 * task pages at scale), and retrieval quality on the query set
 * (test/fixtures/search/queries.json): recall over all results and
 * must-find@10, for plain Pagefind and for the merged search the page runs.
 *
 * `run(ctx)` indexes the records of built sites again into scratch folders
 * (the built sites are left alone): the five plans from bench/out/site-5
 * (written by the site bench) or dist/; the corpus site bench/out/site-corpus
 * when it exists; and synthetic records made from the real ones
 * (PLANBOOK_BENCH_SEARCH_PAGES, default 2000,8000), so memory growth is
 * measured even without a corpus build.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildSearchIndex, type SearchRecordInput } from '../src/search/pagefind.ts';
import { pagefindRecords } from '../src/search/write.ts';
import { FILTERS } from '../src/search/record.ts';
import type { SubstringIndex } from '../src/search/substring.ts';
import { facetPath, type Facets, type ShardedMeta, type ShardedRecord } from '../src/search/shards.ts';
import { launchBrowser, listResults, newPage, serveStatic } from '../test/e2e/harness/index.ts';
import type { BenchContext, BenchResults } from './lib/types.ts';

interface Query {
  query: string;
  mustFind: string[];
  relevant: string[];
}

const ROOT = path.resolve(import.meta.dirname, '..');

export async function run(ctx: Partial<BenchContext> & { dist?: string; pages?: number[] } = {}): Promise<BenchResults> {
  const root = ctx.root ?? ROOT;
  const log = ctx.log ?? ((m: string) => console.error(m));
  const dist = path.resolve(
    ctx.dist ?? [path.join(root, 'bench/out/site-5'), path.join(root, 'dist')].find((d) => existsSync(path.join(d, 'pagefind'))) ?? 'dist',
  );
  if (!existsSync(path.join(dist, 'pagefind', 'pagefind-entry.json'))) {
    throw new Error(`${dist} 中没有搜索索引：请先运行 npm run build。`);
  }
  const results: BenchResults = {};
  log(`索引五个方案（${dist}）`);
  Object.assign(results, named('5 plans', await indexCopy(dist)));

  const corpus = path.join(root, 'bench/out/site-corpus');
  if (existsSync(path.join(corpus, 'index.html'))) {
    log(`索引语料站点（${corpus}）`);
    Object.assign(results, named('corpus site', await indexCopy(corpus)));
  }
  const sizes = ctx.pages ?? (process.env.PLANBOOK_BENCH_SEARCH_PAGES ?? '2000,8000').split(',').map(Number).filter((n) => n > 0);
  for (const n of sizes) {
    log(`索引 ${n} 个合成任务页`);
    Object.assign(results, named(`${n} synthetic pages`, await indexSynthetic(dist, n)));
  }

  log('首次查询下载量与检索质量（Chromium）');
  Object.assign(results, await inBrowser(dist, log));
  return results;
}

function named(name: string, m: Record<string, number>): BenchResults {
  return {
    [`${name}: records (pages)`]: m.pages!,
    [`${name}: index files (files)`]: m.files!,
    [`${name}: index size (KB)`]: Math.round(m.indexBytes! / 1024),
    [`${name}: indexing (s)`]: Math.round(m.indexMs! / 100) / 10,
    [`${name}: indexer peak RSS (MB)`]: m.peakRssMB!,
  };
}

/** Index the site's search records again, into a scratch folder (the real dist/ is left alone). */
async function indexCopy(site: string): Promise<Record<string, number>> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'planbook-search-'));
  try {
    return await measureIndexing(tmp, pagefindRecords(await readIndex(site)));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The substring index as the built site holds it (index.json, the facet files and the record files). */
async function readIndex(site: string): Promise<SubstringIndex> {
  const dir = path.join(site, 'search');
  const unpack = async <T>(file: string): Promise<T> => JSON.parse(gunzipSync(await readFile(path.join(dir, file))).toString('utf8')) as T;
  const meta = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as ShardedMeta;
  const facets = Object.fromEntries(await Promise.all(FILTERS.map(async (f) => [f, await unpack<number[][]>(path.relative('search', facetPath(f)))] as const))) as Facets;
  const chunks = await Promise.all(Array.from({ length: Math.ceil(meta.count / meta.chunk) }, (_, n) => unpack<ShardedRecord[]>(`records/${n}.bin`)));
  const records = chunks.flat().map(({ units: _, ...r }, id) => ({ ...r, filters: Object.fromEntries(FILTERS.map((f) => [f, facets[f][id]!])) as SubstringIndex['records'][number]['filters'] }));
  return { version: 1, values: meta.values, records };
}

/** n task records made from the real ones, each copy under its own plan id and jurisdiction name. */
async function indexSynthetic(site: string, n: number): Promise<Record<string, number>> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'planbook-search-'));
  try {
    const sources = pagefindRecords(await readIndex(site));
    const records: SearchRecordInput[] = Array.from({ length: n }, (_, i) => {
      const source = sources[i % sources.length]!;
      const copy = Math.floor(i / sources.length);
      return {
        ...source,
        url: source.url.replace(/^\/plans\/([^/]+)\//, `/plans/$1-${copy}/`),
        filters: { ...source.filters, 辖区: (source.filters['辖区'] ?? []).map((v) => `${v}${copy}`) },
      };
    });
    return await measureIndexing(tmp, records);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Time buildSearchIndex and sample the Pagefind service's peak resident memory (VmHWM). */
async function measureIndexing(dir: string, records: SearchRecordInput[]): Promise<Record<string, number>> {
  let peakKb = 0;
  const timer = setInterval(() => {
    for (const pid of childPids(process.pid)) peakKb = Math.max(peakKb, hwmKb(pid));
  }, 50);
  const started = performance.now();
  try {
    const result = await buildSearchIndex(dir, records);
    return {
      pages: result.pages,
      files: result.files,
      indexBytes: result.bytes,
      indexMs: Math.round(performance.now() - started),
      peakRssMB: Math.round(peakKb / 1024),
    };
  } finally {
    clearInterval(timer);
  }
}

function childPids(parent: number): number[] {
  const out: number[] = [];
  let names: string[] = [];
  try {
    names = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readText(`/proc/${name}/stat`);
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) out.push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function hwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readText(`/proc/${pid}/status`));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const readText = (p: string) => readFileSync(p, 'utf8');

/** First-query download and retrieval quality, in headless Chromium against the served site. */
async function inBrowser(dist: string, log: (m: string) => void): Promise<BenchResults> {
  const { queries } = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/search/queries.json'), 'utf8')) as {
    queries: Query[];
  };
  const site = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser, { width: 390, height: 844 });
    const fetched = new Map<string, number>();
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/pagefind/') && !url.pathname.startsWith('/search/')) return;
      if (url.pathname === '/search/') return;
      try {
        fetched.set(url.pathname, (await response.body()).length);
      } catch {
        // a redirect or aborted response has no body
      }
    });
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('燃气')}`);
    await page.waitForFunction(() => /找到|没有/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    // Counted now: the quality runs below fetch more.
    const requests = fetched.size;
    const pagefindBytes = sum([...fetched].filter(([p]) => p.startsWith('/pagefind/')).map(([, b]) => b));
    const extraBytes = sum([...fetched].filter(([p]) => p.startsWith('/search/')).map(([, b]) => b));
    const extraGzip = sum(
      await Promise.all(
        [...fetched.keys()].filter((p) => p.startsWith('/search/')).map(async (p) => gzipSync(await readFile(path.join(dist, p))).length),
      ),
    );

    const plain = await quality(queries, (q) => plainSearch(page, q), (m) => log(`plain ${m}`));
    const merged = await quality(queries, (q) => mergedSearch(page, q), (m) => log(`merged ${m}`));
    // A deterministic sample of 1–4 character substrings of task texts: every task holding one is relevant.
    const index = await readIndex(dist);
    const sample = sampleQueries(index.records, 300);
    const samplePlain = await quality(sample, (q) => plainSearch(page, q));
    const sampleMerged = await quality(sample, (q) => mergedSearch(page, q));
    const fmt2 = (q: { recall: number; precision: number }) => `${q.recall.toFixed(3)} / ${q.precision.toFixed(3)}`;
    const fmt = (q: { recall: number; mustFind: number; precision: number }) =>
      `${q.recall.toFixed(3)} / ${q.mustFind.toFixed(3)} / ${q.precision.toFixed(3)}`;
    return {
      'first query: requests (files)': requests,
      'first query: Pagefind download (KB)': Math.round(pagefindBytes / 1024),
      'first query: substring index files (KB)': Math.round(extraBytes / 1024),
      'first query: substring index files, gzip (KB)': Math.round(extraGzip / 1024),
      'query set (queries)': queries.length,
      'plain Pagefind recall / must-find@10 / R-precision@10': fmt(plain),
      'merged search recall / must-find@10 / R-precision@10': fmt(merged),
      [`${sample.length} sampled substrings: plain Pagefind recall / R-precision@10`]: fmt2(samplePlain),
      [`${sample.length} sampled substrings: merged search recall / R-precision@10`]: fmt2(sampleMerged),
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

type BrowserPage = Awaited<ReturnType<typeof newPage>>;

/** Plain Pagefind, as its own API returns results, mapped to task URLs (each result's record is loaded). */
function plainSearch(page: BrowserPage, query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    const pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
    const search = await pagefind.search(q);
    return Promise.all((search?.results ?? []).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
  }, query);
}

/** The search the page runs: every exact match, then Pagefind's partial ones. */
async function mergedSearch(page: BrowserPage, query: string): Promise<string[]> {
  return (await listResults(page, query)).urls;
}

function sampleQueries(records: { url: string; title: string; text: string }[], n: number): Query[] {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const fold = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const seen = new Set<string>();
  for (let tries = 0; seen.size < n && tries < n * 50; tries += 1) {
    const text = records[Math.floor(random() * records.length)]!.text;
    const length = 1 + Math.floor(random() * 4);
    const at = Math.floor(random() * Math.max(1, text.length - length));
    const gram = text.slice(at, at + length);
    if (/^[\u4e00-\u9fff]+$/.test(gram)) seen.add(gram);
  }
  return [...seen].map((query) => ({
    query,
    mustFind: [],
    relevant: records.filter((r) => fold(r.title + r.text).includes(query)).map((r) => taskId(r.url)),
  }));
}

/**
 * Micro-averaged recall over all results, must-find@10, and R-precision@10: the share
 * of the first k = min(10, relevant) results that are relevant (1 when every relevant
 * task comes before any other).
 */
async function quality(queries: Query[], search: (q: string) => Promise<string[]>, log?: (m: string) => void) {
  let found = 0;
  let relevant = 0;
  let must = 0;
  let mustTotal = 0;
  let precise = 0;
  let shown = 0;
  for (const q of queries) {
    const ids = (await search(q.query)).map(taskId);
    const top = ids.slice(0, 10);
    found += q.relevant.filter((r) => ids.includes(r)).length;
    relevant += q.relevant.length;
    must += q.mustFind.filter((m) => top.includes(m)).length;
    const missed = q.relevant.filter((r) => !ids.includes(r));
    const late = q.mustFind.filter((m) => !top.includes(m));
    if (log && (missed.length > 0 || late.length > 0)) {
      log(`  ${q.query}: ${ids.length} results; missed ${missed.join(' ') || '-'}; must-find not in top 10: ${late.join(' ') || '-'}`);
    }
    mustTotal += q.mustFind.length;
    const k = Math.min(10, q.relevant.length);
    precise += ids.slice(0, k).filter((t) => q.relevant.includes(t)).length;
    shown += k;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { recall: round(found / relevant), mustFind: round(must / Math.max(mustTotal, 1)), precision: round(precise / Math.max(shown, 1)) };
}

/** /plans/yueyang/tasks/8/ → yueyang-8 */
export function taskId(url: string): string {
  const m = /\/plans\/([^/]+)\/tasks\/(\d+)\//.exec(url);
  return m ? `${m[1]}-${m[2]}` : url;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const record = await run({ dist: process.argv[2], pages: process.argv[3] ? process.argv[3].split(',').map(Number) : undefined });
  console.log(JSON.stringify(record, null, 2));
}
