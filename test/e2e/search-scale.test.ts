/**
 * The search page over a generated corpus (60 plans, ~1,700 tasks, built for
 * this file): a first query downloads a bounded number of bytes, not the
 * whole index, and finds exactly what a scan of every task of the model finds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SubstringIndex } from '../../src/search/substring.ts';
import { scan } from '../unit/search/scan.ts';
import { buildCorpusSite, listResults, newPage, searchSettled as settled, serveStatic, useBrowser, type CorpusSite } from './harness/index.ts';

const PLANS = 60;
/** The first query's budget (page, scripts, index files, results and a filter), the goal at 1,000 plans. */
const BUDGET = 300_000;

const browser = useBrowser();
let site: CorpusSite;
let server: { url: string; close: () => Promise<void> };
let index: SubstringIndex;

beforeAll(async () => {
  // Lists of more than 40 tasks are summarized (512 by default), so common words take that path here.
  site = await buildCorpusSite(PLANS, 'search-scale', { PLANBOOK_SEARCH_LARGE: '40' });
  index = site.index;
  server = await serveStatic(site.dist);
}, 600_000);

afterAll(async () => {
  await server?.close();
  site?.remove();
});

describe(`search over ${PLANS} generated plans`, () => {
  test('downloads a bounded number of bytes for a first query and a filter, and no Pagefind file', async () => {
    const page = await newPage(browser());
    const responses: Promise<{ url: string; bytes: number }>[] = [];
    page.on('response', (r) => responses.push(r.body().then((b) => ({ url: r.url(), bytes: b.length }))));
    await page.goto(`${server.url}/search/`);
    await settled(page);
    await page.fill('#search-q', '燃气');
    await page.press('#search-q', 'Enter');
    expect(await settled(page)).toMatch(/^找到 \d+ 条含“燃气”的任务。$/);
    expect(await page.$$('.search-result')).toHaveLength(20);
    // Answered from the word's summary: no whole posting list, no task's filter values.
    const first = await Promise.all(responses);
    expect(first.filter((f) => /\/search\/(lists|facets)\//.test(f.url))).toEqual([]);
    const place = page.locator('.search__option:not([hidden]) input[name="辖区"]').first();
    const chosen = (await place.getAttribute('value'))!;
    await place.check();
    await page.waitForURL(/%E8%BE%96%E5%8C%BA=/);
    expect(await settled(page)).toMatch(/^找到 \d+ 条含“燃气”的任务。$/);
    const metas = await page.$$eval('.search-result__meta', (m) => m.map((e) => e.textContent!));
    expect(metas.every((m) => m.startsWith(chosen))).toBe(true);

    const fetched = await Promise.all(responses);
    const total = fetched.reduce((n, f) => n + f.bytes, 0);
    const search = fetched.filter((f) => f.url.includes('/search/') && !f.url.endsWith('/search/'));
    expect(total).toBeLessThanOrEqual(BUDGET);
    // The whole-index file of before (~0.7 MB at this size) would not fit; no one index file is large.
    expect(Math.max(...search.map((f) => f.bytes))).toBeLessThan(64_000);
    expect(fetched.filter((f) => f.url.includes('/pagefind/'))).toEqual([]);
    await page.context().close();
  });

  test.each(['燃气', '井', '安全员', '重大事故隐患', '燃气 培训', '应急局', '安全生产'])('finds exactly what a scan of every task finds for %s', async (query) => {
    const page = await newPage(browser());
    await page.goto(`${server.url}/search/`);
    await settled(page);
    const { urls, total, exact } = await listResults(page, query, {}, true);
    expect(urls.sort()).toEqual(scan(index, query).sort());
    expect(exact ? total === urls.length : total >= urls.length).toBe(true);
    await page.context().close();
  });

  test('lists the 40 辖区 with the most tasks and finds any other by name, also one chosen in the URL', async () => {
    const page = await newPage(browser());
    await page.goto(`${server.url}/search/`);
    await settled(page);
    const listed = await page.$$eval('input[name="辖区"]', (boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(index.values.辖区.length).toBeGreaterThan(40);
    expect(listed).toHaveLength(40);
    expect(await page.textContent('.search__unlisted')).toContain(`列出任务最多的 40 个，共 ${index.values.辖区.length} 个。`);
    const other = index.values.辖区.find((place) => !listed.includes(place))!;
    await page.fill('[data-facet-find="辖区"] input', other);
    await page.check(`input[name="辖区"][value="${other}"]`);
    await page.waitForURL(/%E8%BE%96%E5%8C%BA=/);
    const expected = index.records.filter((r) => r.plan === other).length;
    expect(await settled(page)).toBe(`找到 ${expected} 条符合筛选条件的任务。`);
    // The same address opened afresh shows the unlisted place chosen, with the same results.
    const again = await newPage(browser());
    await again.goto(page.url());
    expect(await settled(again)).toBe(`找到 ${expected} 条符合筛选条件的任务。`);
    expect(await again.isChecked(`input[name="辖区"][value="${other}"]`)).toBe(true);
    await page.context().close();
    await again.context().close();
  });

  test('finds exactly the scan with filters chosen', async () => {
    const page = await newPage(browser());
    await page.goto(`${server.url}/search/`);
    await settled(page);
    const selection = { 辖区: [index.values.辖区[2]!, index.values.辖区[7]!], 完成年份: ['2026年'] };
    for (const query of ['燃气', '隐患排查', '']) {
      const { urls } = await listResults(page, query, selection, true);
      const expected = query === '' ? index.records.filter((r) => selection.辖区.includes(r.plan) && r.filters.完成年份.some((i) => index.values.完成年份[i] === '2026年')).map((r) => r.url) : scan(index, query, selection);
      expect(urls.sort()).toEqual(expected.sort());
    }
    await page.context().close();
  });
});
