import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser, newPage, listResults, screenshot, seriousViolations, searchSettled as settled, type Page } from './harness/index.ts';

const baseURL = inject('baseURL');
const { queries } = JSON.parse(readFileSync('test/fixtures/search/queries.json', 'utf8')) as {
  queries: { query: string; mustFind: string[]; relevant: string[] }[];
};
const browser = useBrowser();

/** /plans/yueyang/tasks/8/ → yueyang-8 */
const taskId = (href: string) => href.replace(/^\/plans\/([^/]+)\/tasks\/(\d+)\/$/, '$1-$2');

async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser(), viewport);
  await page.goto(`${baseURL}${path}`);
  await settled(page);
  return page;
}

/** A new page opened at `path`, with the path of every request it makes. */
async function watched(path: string): Promise<{ page: Page; fetched: string[] }> {
  const page = await newPage(browser());
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${baseURL}${path}`);
  return { page, fetched };
}

const resultIds = (page: Page) =>
  page.$$eval('[data-search-results] h2 a', (links) => links.map((a) => a.getAttribute('href')!)).then((h) => h.map(taskId));

async function count(page: Page, filter: string, value: string): Promise<number> {
  const label = page.locator('label', { has: page.locator(`input[name="${filter}"][value="${value}"]`) });
  return Number(await label.locator('[data-count]').textContent());
}

describe('search page', () => {
  test('puts the task about 燃气 first and highlights the hit in each excerpt', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('燃气')}`);
    expect(await resultIds(page)).toContain('yueyang-8');
    expect((await resultIds(page))[0]).toBe('yueyang-8');
    const marks = await page.$$eval('.search-result__excerpt mark', (m) => m.map((e) => e.textContent));
    expect(marks.length).toBeGreaterThan(5);
    expect(new Set(marks)).toEqual(new Set(['燃气']));
    expect(await page.textContent('.search-result__meta')).toContain('岳阳街道 · 任务 8');
    await screenshot(page, 'search-query', { fullPage: false });
    await page.context().close();
  });

  test.each(['有限空间', '疏散逃生演练', '重大事故隐患判定标准', '随申拍', '安康杯', '燃气 培训'])(
    'shows the tasks about %s among the first ten results',
    async (query) => {
      const page = await open(`/search/?q=${encodeURIComponent(query)}`);
      const top = (await resultIds(page)).slice(0, 10);
      const { mustFind } = queries.find((q) => q.query === query)!;
      expect(mustFind.filter((id) => !top.includes(id))).toEqual([]);
      await page.context().close();
    },
  );

  test('finds every must-find task of the query set in the first ten and every relevant task somewhere', async () => {
    const page = await open('/search/');
    const missing: string[] = [];
    for (const q of queries) {
      const { urls } = await listResults(page, q.query);
      const ids = urls.map(taskId);
      for (const id of q.mustFind) if (!ids.slice(0, 10).includes(id)) missing.push(`${q.query}: ${id} not in top 10`);
      for (const id of q.relevant) if (!ids.includes(id)) missing.push(`${q.query}: ${id} not found`);
    }
    expect(missing).toEqual([]);
    await page.context().close();
  });

  test('lists the tasks with every word of the query apart when asked, and loads Pagefind only after them', async () => {
    const { page, fetched } = await watched(`/search/?q=${encodeURIComponent('举报奖励')}`);
    expect(await settled(page)).toBe('找到 1 条含“举报奖励”的任务。');
    expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    // The tasks with 举报 and 奖励 apart, from the substring index, labelled and marked.
    await page.click('[data-search-more]');
    await page.waitForSelector('.search-result__partial');
    expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    expect(await resultIds(page)).toEqual(expect.arrayContaining(['xiangxiang-7', 'yueyang-24', 'changning-24']));
    expect((await resultIds(page))[0]).toBe('xiangxiang-7');
    expect(await page.textContent('[data-search-status]')).toContain('其后列出只含其中部分字词的任务');
    const marks = await page.$$eval('.search-result__excerpt mark', (m) => m.map((e) => e.textContent));
    expect(new Set(marks)).toEqual(new Set(['举报奖励', '举报', '奖励']));
    // Then Pagefind's own word matches, once those are used up.
    while (!fetched.some((p) => p.startsWith('/pagefind/')) && (await page.isVisible('[data-search-more]'))) {
      const before = (await resultIds(page)).length;
      await page.click('[data-search-more]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length > n || document.querySelector('[data-search-status]')!.textContent!.includes('没有其他'), before);
    }
    expect(fetched.some((p) => p.startsWith('/pagefind/'))).toBe(true);
    await page.context().close();
  });

  test('when no task holds the whole query, lists those that hold each of its words, without Pagefind', async () => {
    const { page, fetched } = await watched(`/search/?q=${encodeURIComponent('加强危化品监管')}`);
    const status = await settled(page);
    expect(status).toMatch(/^没有任务含完整的“加强危化品监管”；找到 (\d+) 条分别含“加强”“危化品”“监管”的任务（标“部分匹配”）。$/);
    const found = Number(/找到 (\d+) 条/.exec(status)![1]);
    const { urls } = await listResults(page, '加强 危化品 监管', {}, true);
    expect((await resultIds(page)).sort()).toEqual(urls.map(taskId).sort());
    expect(found).toBe(urls.length);
    expect(await page.locator('.search-result__partial').count()).toBe(found);
    expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    // Every excerpt marks the words where they stand.
    for (const item of await page.locator('[data-search-results] > li').all()) {
      const marked = await item.locator('mark').allTextContents();
      expect(marked.length, await item.textContent() ?? '').toBeGreaterThan(0);
    }
    await page.context().close();
  });

  test('when no task holds every word either, lists those that hold each piece of one or two characters, without Pagefind', async () => {
    for (const [query, status, pieces] of [
      ['安全员', /^没有任务含完整的“安全员”；找到 (\d+) 条分别含“安全”“员”的任务（标“部分匹配”）。$/, ['安全', '员']],
      ['建筑施工高处坠落', /^没有任务含完整的“建筑施工高处坠落”；找到 (\d+) 条分别含“建筑”“施工”“高处”“坠落”的任务（标“部分匹配”）。$/, ['建筑', '施工', '高处', '坠落']],
      // 骑手 is in no plan: left out, and said so.
      ['高处坠落骑手', /^没有任务含完整的“高处坠落骑手”；“骑手”不见于任何任务，已略去；找到 (\d+) 条分别含“高处”“坠落”的任务（标“部分匹配”）。$/, ['高处', '坠落']],
    ] as const) {
      const { page, fetched } = await watched(`/search/?q=${encodeURIComponent(query)}`);
      const said = await settled(page);
      expect(said).toMatch(status);
      const found = Number(status.exec(said)![1]);
      expect(found).toBeGreaterThan(0);
      const { urls } = await listResults(page, pieces.join(' '), {}, true);
      expect(found).toBe(urls.length);
      expect((await resultIds(page)).every((id) => urls.map(taskId).includes(id))).toBe(true);
      expect(await page.locator('.search-result__partial').count()).toBe(Math.min(found, (await resultIds(page)).length));
      expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
      await page.context().close();
    }
  });

  test('for a sentence pasted with its wording changed, lists the tasks holding most of it, without Pagefind', async () => {
    const pasted = '推进小型生产经营场所，经营性自建房，老旧小区安装早期火灾报警和灭火装置';
    const { page, fetched } = await watched(`/search/?q=${encodeURIComponent(pasted)}`);
    const status = await settled(page);
    expect(status).toMatch(new RegExp(`^没有任务含完整的“${pasted}”；找到 (\\d+) 条含其中大部分字句的任务（标“部分匹配”，相同处多的在前）。$`));
    // The plans say 推进小型生产经营场所、经营性自建房、老旧住宅小区安装早期火灾报警和灭火装置.
    const { urls } = await listResults(page, '推进小型生产经营场所、经营性自建房、老旧住宅小区安装早期火灾报警和灭火装置', {}, true);
    expect(urls.length).toBeGreaterThan(0);
    expect(await resultIds(page)).toEqual(expect.arrayContaining(urls.map(taskId)));
    expect(await page.locator('.search-result__partial').count()).toBe((await resultIds(page)).length);
    expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await page.context().close();
  });

  test('takes a place named beside other terms as that 辖区 ticked, and says so', async () => {
    const { page } = await watched(`/search/?q=${encodeURIComponent('长宁区 消防')}`);
    const status = await settled(page);
    expect(status).toMatch(/^“长宁区”是辖区名，已改为按辖区（长宁区）筛选；找到 (\d+) 条含“消防”的任务。$/);
    const found = Number(/找到 (\d+) 条/.exec(status)![1]);
    const { urls } = await listResults(page, '消防', { 辖区: ['长宁区'] }, true);
    expect(found).toBe(urls.length);
    expect(found).toBeGreaterThan(0);
    expect(await resultIds(page)).toEqual(urls.slice(0, 20).map(taskId));
    // The form and the address say what was searched; unticking the place undoes it.
    expect(await page.inputValue('.search__form input[name="q"]')).toBe('消防');
    expect(await page.isChecked(`input[name="辖区"][value="长宁区"]`)).toBe(true);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('辖区=长宁区');
    await page.uncheck(`input[name="辖区"][value="长宁区"]`);
    await page.waitForFunction(() => !document.querySelector('[data-search-status]')!.textContent!.includes('辖区名'));
    const everywhere = /^找到 (\d+) 条/.exec(await settled(page));
    expect(Number(everywhere![1])).toBeGreaterThan(found);
    expect(await page.inputValue('.search__form input[name="q"]')).toBe('消防');
    await page.context().close();
  });

  test('with only Pagefind\'s partial matches and one 辖区 ticked, keeps the other filters\' values listed, without counts Pagefind did not make', async () => {
    // No task holds 外卖 or 骑手; Pagefind finds one holding 手 (手段).
    const { page, fetched } = await watched(`/search/?q=${encodeURIComponent('外卖骑手')}&${encodeURIComponent('辖区')}=${encodeURIComponent('庙行镇')}`);
    // Nothing found, and Pagefind only on request.
    expect(await settled(page)).toBe('没有找到含“外卖骑手”的任务（“外卖”“骑手”不见于任何任务）。可按“逐字搜索”列出只含其中个别字的任务。');
    expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    expect(await page.textContent('[data-search-more]')).toBe('逐字搜索');
    await page.click('[data-search-more]');
    await page.waitForSelector('.search-result__partial');
    await page.waitForFunction(() => document.querySelector('[data-search-status]')!.textContent!.includes('个别字的任务（'));
    const status = await page.textContent('[data-search-status]');
    expect(status).toMatch(/^没有任务含完整的“外卖骑手”（“外卖”“骑手”不见于任何任务）；找到 \d+ 条只含其中个别字的任务（标“部分匹配”）。$/);
    const found = Number(/找到 (\d+) 条/.exec(status!)![1]);
    // Pagefind counted the filter the search was narrowed by …
    expect(await count(page, '辖区', '庙行镇')).toBe(found);
    // … and not the years: each year stays listed, with no number rather than a hidden option or a 0.
    const years = page.locator('details[data-filter="完成年份"] label');
    expect(await years.count()).toBeGreaterThan(0);
    for (const label of await years.all()) {
      expect(await label.isVisible()).toBe(true);
      expect(await label.locator('[data-count]').textContent()).toBe('');
    }
    await page.context().close();
  });

  test('lands on the results when the header search box is used', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/`);
    await page.fill('#site-search-q', '安康杯');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    const status = await settled(page);
    expect(status).toMatch(/找到 \d+ 条含“安康杯”的任务/);
    expect(await page.inputValue('#search-q')).toBe('安康杯');
    expect(await resultIds(page)).toEqual(expect.arrayContaining(['yueyang-30', 'changning-30']));
    await page.context().close();
  });

  test('narrows the results to one 辖区 and shows the count the filter announced', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('燃气')}`);
    const expected = await count(page, '辖区', '岳阳街道');
    expect(expected).toBeGreaterThan(0);
    await page.check('input[name="辖区"][value="岳阳街道"]');
    const status = await settled(page);
    expect(status).toContain(`找到 ${expected} 条`);
    const metas = await page.$$eval('.search-result__meta', (m) => m.map((e) => e.textContent!));
    expect(metas.length).toBe(expected);
    expect(metas.every((m) => m.startsWith('岳阳街道'))).toBe(true);
    expect(page.url()).toContain(encodeURIComponent('辖区'));
    await screenshot(page, 'search-filter', { fullPage: false });
    await page.context().close();
  });

  test("fetches a closed list's filter values only when it is opened, then counts it like the others", async () => {
    const page = await newPage(browser());
    const facets: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/search/facets/')) facets.push(path);
    });
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent('燃气')}`);
    await settled(page);
    // 辖区, 完成年份 and 状态 are shown open; 责任单位 and 行动 are closed.
    expect(facets.sort()).toEqual(['/search/facets/0.bin', '/search/facets/1.bin', '/search/facets/4.bin']);
    expect(await page.$('details[data-filter="责任单位"][data-stale]')).not.toBeNull();
    await page.click('details[data-filter="责任单位"] summary');
    // Counted once opened: its stale mark goes, and the units without a result are hidden.
    await page.waitForSelector('details[data-filter="责任单位"]:not([data-stale])', { state: 'attached' });
    const unit = page.locator('details[data-filter="责任单位"] label:not([hidden])').first();
    expect(facets).toContain('/search/facets/2.bin');
    const name = await unit.locator('input').inputValue();
    const expected = await count(page, '责任单位', name);
    expect(expected).toBeGreaterThan(0);
    await unit.locator('input').check();
    expect(await settled(page)).toContain(`找到 ${expected} 条`);
    expect(await page.$$('.search-result')).toHaveLength(expected);
    await page.context().close();
  });

  test('browses by a filter alone, with no query', async () => {
    const page = await open('/search/');
    expect(await page.$$('.search-result')).toHaveLength(0);
    const expected = await count(page, '完成年份', '2024年');
    await page.check('input[name="完成年份"][value="2024年"]');
    const status = await settled(page);
    expect(status).toBe(`找到 ${expected} 条符合筛选条件的任务。`);
    await page.check('input[name="辖区"][value="长宁区"]');
    await settled(page);
    const metas = await page.$$eval('.search-result__meta', (m) => m.map((e) => e.textContent!));
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((m) => m.startsWith('长宁区'))).toBe(true);
    await screenshot(page, 'search-browse', { fullPage: false });
    await page.context().close();
  });

  test('narrows to the tasks whose progress status is 已逾期, and each one says so on its page', async () => {
    const page = await open('/search/');
    const expected = await count(page, '状态', '已逾期');
    expect(expected).toBeGreaterThan(0);
    await page.check('input[name="状态"][value="已逾期"]');
    expect(await settled(page)).toBe(`找到 ${expected} 条符合筛选条件的任务。`);
    const [first] = await resultIds(page);
    const [plan, number] = first!.split(/-(?=\d+$)/);
    await page.goto(`${baseURL}/plans/${plan}/tasks/${number}/`);
    expect(await page.textContent('.task-progress .status--late')).toContain('已逾期');
    await page.context().close();
  });

  test('returns to the previous results with Back after a second search', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('燃气')}`);
    await page.fill('#search-q', '安康杯');
    await page.press('#search-q', 'Enter');
    expect(await settled(page)).toContain('安康杯');
    await page.goBack();
    await page.waitForFunction(() => (document.querySelector('#search-q') as HTMLInputElement).value === '燃气');
    expect(await settled(page)).toContain('燃气');
    await page.context().close();
  });

  test('follows a result to its task page', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('安康杯')}`);
    const first = page.locator('[data-search-results] h2 a').first();
    const title = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/\/plans\/[^/]+\/tasks\/\d+\/$/);
    expect(await page.textContent('h1')).toBe(title);
    await page.context().close();
  });

  test('works from the keyboard: type, submit, then tick a filter with the space bar', async () => {
    const page = await open('/search/');
    await page.focus('#search-q');
    await page.keyboard.type('消防');
    await page.keyboard.press('Enter');
    expect(await settled(page)).toMatch(/找到 \d+ 条/);
    await page.focus('input[name="辖区"][value="长宁区"]');
    await page.keyboard.press('Space');
    await settled(page);
    const metas = await page.$$eval('.search-result__meta', (m) => m.map((e) => e.textContent!));
    expect(metas.every((m) => m.startsWith('长宁区'))).toBe(true);
    expect(await page.getAttribute('[data-search-status]', 'aria-live')).toBe('polite');
    await page.context().close();
  });

  test('has no serious accessibility violations and no horizontal scroll on a phone', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('重大事故隐患判定标准')}`, { width: 375, height: 812 });
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'search-phone', { fullPage: false });
    await page.context().close();
  });
});

describe('search index', () => {
  test('holds one record per task page in both indexes, and the searching page declares zh-CN', async () => {
    const page = await open('/search/');
    const { pages, records, lang } = await page.evaluate(async () => {
      const entry = await (await fetch('/pagefind/pagefind-entry.json')).json();
      const index = await (await fetch('/search/index.json')).json();
      const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
      return { pages, records: index.count, lang: document.documentElement.lang };
    });
    expect(pages).toBe(records);
    expect(records).toBeGreaterThan(100);
    expect(lang).toBe('zh-CN');
    await page.context().close();
  });

  test("gives each Pagefind record its task's filters, metadata and id in the substring index", async () => {
    const page = await open('/search/');
    type Record = { url: string; place: string[]; meta: { [name: string]: string }; count: number };
    // A string, so the test runner does not rewrite the page's import().
    const records = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search('燃气', { filters: { 辖区: { any: ['岳阳街道'] } } });
      const index = await (await fetch('/search/index.json')).json();
      return Promise.all(search.results.map(async (r) => {
        const data = await r.data();
        return { url: data.url, place: data.filters['辖区'], meta: data.meta, count: index.count };
      }));
    })()`)) as Record[];
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.url).toMatch(/^\/plans\/yueyang\/tasks\/\d+\/$/);
      expect(r.place).toEqual(['岳阳街道']);
      expect(r.meta).toMatchObject({ plan: '岳阳街道', number: r.url.split('/')[4] });
      expect(Number(r.meta.record)).toBeLessThan(r.count);
    }
    await page.context().close();
  });
});
