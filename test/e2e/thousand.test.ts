/**
 * A province's worth of plans: 1,000 generated plans (~28,000 tasks, grown
 * from the five real ones by `src/corpus`) built by `npm run build` with
 * Node's default heap and no file cache, as on a first build. The build
 * completes, reports every process's peak memory, and holds under 8 GB at
 * once; and what a visitor downloads stays bounded: the search page's
 * first query and filter in headless Chromium (the facet files of the closed
 * filters not fetched, the results exactly a scan of the model's), first
 * queries no task holds whole (no Pagefind file), a task
 * page, a unit's pages, and the first view of /compare/.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { facetPath } from '../../src/search/shards.ts';
import type { SubstringIndex } from '../../src/search/substring.ts';
import { scan } from '../unit/search/scan.ts';
import { buildCorpusSite, newPage, searchSettled as settled, serveStatic, useBrowser, type CorpusSite } from './harness/index.ts';

const PLANS = 1_000;
/** What the whole build may hold at once (the bound). */
const MEMORY_MB = 8_192;
/** A first query and a filter: page, scripts, index files and results (the goal at 1,000 plans). */
const FIRST_QUERY = 300_000;

interface Timings {
  pages: number;
  pdfs: number;
  pdfsCached: number;
  peakMB: Record<string, number>;
  peakTogetherMB: number;
}

const browser = useBrowser();
let site: CorpusSite;
let dist: string;
let server: { url: string; close: () => Promise<void> };
let index: SubstringIndex;
let timings: Timings;
let stdout: string;

beforeAll(async () => {
  // Node's default heap (no size given to the build or to the processes it starts), and no cache: a first build.
  site = await buildCorpusSite(PLANS, 'thousand', { PLANBOOK_PDF_CACHE: 'off', NODE_OPTIONS: undefined });
  ({ dist, stdout, index } = site);
  timings = site.timings as unknown as Timings;
  server = await serveStatic(dist);
}, 1_800_000);

afterAll(async () => {
  await server?.close();
  site?.remove();
});

/** A new page opened at `path`; `downloads()` gives every response it has received, with its body's size. */
async function recorded(path: string) {
  const page = await newPage(browser());
  const responses: Promise<{ path: string; bytes: number }>[] = [];
  page.on('response', (r) => responses.push(r.body().then((b) => ({ path: new URL(r.url()).pathname, bytes: b.length }))));
  await page.goto(`${server.url}${path}`);
  return { page, downloads: () => Promise.all(responses) };
}

describe(`${PLANS} generated plans`, () => {
  test('build with the default heap, every page, list and process peak reported, the peaks under 8 GB', () => {
    expect(index.records.length).toBeGreaterThan(25_000);
    // A page per task, plan and unit at least, every list rendered (no cache).
    expect(timings.pages).toBeGreaterThan(index.records.length + PLANS);
    expect(timings.pdfs).toBeGreaterThan(3 * PLANS);
    expect(timings.pdfsCached).toBe(0);
    expect(readdirSync(join(dist, 'plans')).length).toBeGreaterThanOrEqual(PLANS);
    // The build's own process and Pagefind's indexer, reported by the build and on its last line.
    expect(Object.keys(timings.peakMB)).toEqual(expect.arrayContaining(['node', 'pagefind_extended']));
    expect(stdout).toMatch(/内存峰值：node \d+ MB.*；同一时刻合计最多 \d+ MB/);
    // The figures, for the record (no assertion on time), before any bound is checked.
    console.log(stdout.trim().split('\n').slice(-2).join('\n'));
    // What the whole build held at once (every process's resident memory at one sample, added up): under 8 GB.
    // Each program's peak is reported too; their sum counts Astro's, the file workers' and Pagefind's peaks as
    // if they came at once, which they do not (Pagefind starts after the workers end), and varies by a gigabyte
    // from run to run with how soon the garbage is collected on a busy machine.
    const total = Object.values(timings.peakMB).reduce((a, b) => a + b, 0);
    expect(timings.peakTogetherMB).toBeGreaterThan(Math.max(...Object.values(timings.peakMB)) / 2);
    expect(timings.peakTogetherMB).toBeLessThanOrEqual(total);
    expect(timings.peakTogetherMB).toBeLessThan(MEMORY_MB);
  });

  test('a first query and a filter download under 300 KB, the closed filters not at all, and find exactly the scan', async () => {
    const { page, downloads } = await recorded(`/search/?q=${encodeURIComponent('燃气')}`);
    const expected = scan(index, '燃气').length;
    expect(expected).toBeGreaterThan(1_000);
    expect(await settled(page)).toBe(`找到 ${expected} 条含“燃气”的任务。`);
    expect(await page.$$('.search-result')).toHaveLength(20);
    const place = page.locator('.search__option:not([hidden]) input[name="辖区"]').first();
    const chosen = (await place.getAttribute('value'))!;
    await place.check();
    await page.waitForURL(/%E8%BE%96%E5%8C%BA=/);
    const narrowed = scan(index, '燃气', { 辖区: [chosen] }).length;
    expect(await settled(page)).toBe(`找到 ${narrowed} 条含“燃气”的任务。`);

    const fetched = await downloads();
    expect(fetched.reduce((n, f) => n + f.bytes, 0)).toBeLessThanOrEqual(FIRST_QUERY);
    expect(fetched.filter((f) => f.path.startsWith('/pagefind/'))).toEqual([]);
    // The 责任单位 and 行动 lists are closed: their per-task files are not fetched until opened.
    const facets = new Set(fetched.filter((f) => f.path.startsWith('/search/facets/')).map((f) => f.path.slice(1)));
    for (const closed of ['责任单位', '行动'] as const) expect(facets).not.toContain(facetPath(closed));
    for (const open of ['辖区', '完成年份'] as const) expect(facets).toContain(facetPath(open));
    // No one file of the index is large: it is cut so a query fetches what it needs.
    expect(Math.max(...fetched.filter((f) => f.path.startsWith('/search/') && f.path !== '/search/').map((f) => f.bytes))).toBeLessThan(64_000);
    await page.context().close();
  });

  test.each([
    // No task holds it whole; its words apart (消防通道、占用、整治 or as the corpus cuts it).
    ['消防通道占用整治', /分别含/],
    // Nor every word: its pieces (安全、员; 建筑、施工、高处、坠落).
    ['安全员', /分别含“安全”“员”/],
    ['建筑施工高处坠落', /分别含“建筑”“施工”“高处”“坠落”/],
    // A sentence pasted with its marks and one word changed: the tasks holding most of its trigrams.
    ['推进小型生产经营场所，经营性自建房，老旧小区安装早期火灾报警和灭火装置', /含其中大部分字句/],
    // Nothing: Pagefind only on request.
    ['外卖骑手', /^没有找到含“外卖骑手”的任务/],
  ])('a first query no task holds whole (%s) downloads under 300 KB and no Pagefind file', async (query, said) => {
    const { page, downloads } = await recorded(`/search/?q=${encodeURIComponent(query)}`);
    expect(await settled(page)).toMatch(said);
    const fetched = await downloads();
    expect(fetched.reduce((n, f) => n + f.bytes, 0)).toBeLessThanOrEqual(FIRST_QUERY);
    expect(fetched.filter((f) => f.path.startsWith('/pagefind/'))).toEqual([]);
    await page.context().close();
  });

  test('a task page, the first view of /compare/ and every topic page stay as small as at a few plans', async () => {
    const record = index.records[Math.floor(index.records.length / 2)]!;
    const task = statSync(join(dist, decodeURI(record.url), 'index.html')).size;
    expect(task).toBeLessThan(40_000);
    expect(statSync(join(dist, 'compare/index.html')).size).toBeLessThan(1_200_000);
    // A topic's pages: 100 plans each, the plans without it counted, not named.
    const topics = join(dist, 'compare/topics');
    for (const row of readdirSync(topics)) {
      const pages = [join(topics, row, 'index.html'), ...readdirSync(join(topics, row)).filter((n) => /^\d+$/.test(n)).map((n) => join(topics, row, n, 'index.html'))];
      for (const file of pages) expect([file, statSync(file).size < 80_000]).toEqual([file, true]);
    }
  });

  test('a unit named by hundreds of plans has pages of 150 rows, each as small as at a few plans', () => {
    const units = join(dist, 'units');
    const pagesOf = (slug: string) => [join(units, slug, 'index.html'), ...readdirSync(join(units, slug)).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b)).map((n) => join(units, slug, n, 'index.html'))];
    const slugs = readdirSync(units, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const busiest = slugs.reduce((a, b) => (pagesOf(b).length > pagesOf(a).length ? b : a));
    const pages = pagesOf(busiest);
    expect(pages.length).toBeGreaterThan(3);
    const rows = pages.map((file) => (readFileSync(file, 'utf8').match(/<li>\s*<span class="badge">/g) ?? []).length);
    expect(rows.slice(0, -1).every((n) => n === 150)).toBe(true);
    expect(rows.at(-1)).toBeGreaterThan(0);
    for (const slug of slugs) for (const file of pagesOf(slug)) expect([file, statSync(file).size < 80_000]).toEqual([file, true]);
  });
});
