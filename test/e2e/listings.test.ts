/**
 * Listing pages at a corpus size where they are paged: a build of 120
 * generated plans (src/corpus) in a temporary folder. Each listing page
 * (home, years, /compare/plans/, /data/) stays under a byte bound, as does
 * every other page (task pages, pair pages, the first view of /compare/), its pager
 * reaches every page, every plan is reachable from the home listing, every
 * task due in a year is on one of the year's pages; in Chromium the pager
 * works from the keyboard, fits a phone and is left out of print.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSources, writeCorpus } from '../../src/corpus/files.ts';
import { loadPlans } from '../../src/load/plans.ts';
import { buildYearIndex } from '../../src/derive/years.ts';
import { runBuild, root } from '../fault/harness.ts';
import { newPage, seriousViolations, serveStatic, useBrowser } from './harness/index.ts';

const PLANS = 120;
/** No listing page may weigh more than this (bytes of HTML); the same pages at 1,000 plans are the same size. */
const BOUND = 200 * 1024;

const browser = useBrowser();
let dir: string;
let out: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let years: ReturnType<typeof buildYearIndex>;
let ids: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planbook-listings-'));
  const content = join(dir, 'plans');
  out = join(dir, 'dist');
  await writeCorpus(content, await readSources(join(root, 'content/plans')), PLANS);
  const run = await runBuild({ dir, content, out });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const { plans } = await loadPlans(content);
  ids = plans.map((p) => p.id).sort();
  years = buildYearIndex(plans);
  server = await serveStatic(out);
}, 900_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => (await fetch(`${server.url}${path}`)).text();
const hrefs = (html: string, pattern: RegExp) => [...html.matchAll(/href="([^"#]*)(?:#[^"]*)?"/g)].map((m) => m[1]!).filter((h) => pattern.test(h));
const pager = (html: string) => /<nav class="paging" aria-label="分页">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';

/** Every page of a listing reached by following its pagers from the first page. */
async function crawlPager(first: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const queue = [first];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (pages.has(path)) continue;
    const html = await get(path);
    pages.set(path, html);
    for (const href of hrefs(pager(html), /./)) if (!pages.has(href)) queue.push(href);
  }
  return pages;
}

/** The built pages of a listing: its first page and the numbered folders under `more`. */
function builtPages(first: string, more: string): string[] {
  const folder = join(out, more);
  const numbered = statSync(folder, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(folder).filter((n) => /^\d+$/.test(n)).map((n) => `/${more}/${n}/`)
    : [];
  return [first, ...numbered].sort();
}

const LISTINGS = [
  { name: 'home', first: '/', more: 'plans/page' },
  { name: 'year 2026', first: '/years/2026/', more: 'years/2026' },
  { name: 'compare plans', first: '/compare/plans/', more: 'compare/plans/page' },
  { name: 'data', first: '/data/', more: 'data/plans' },
];

describe(`listings at ${PLANS} plans`, () => {
  test('have more than one page, each under the byte bound, and the pager reaches every built page', async () => {
    for (const { name, first, more } of LISTINGS) {
      const built = builtPages(first, more);
      expect(built.length, name).toBeGreaterThan(1);
      const crawled = await crawlPager(first);
      expect([...crawled.keys()].sort(), name).toEqual(built);
      for (const [path, html] of crawled) {
        expect(Buffer.byteLength(html), `${name} ${path}`).toBeLessThanOrEqual(BOUND);
        const current = [...pager(html).matchAll(/aria-current="page"[^>]*>(\d+)</g)].map((m) => Number(m[1]));
        expect(current.length, path).toBe(1);
        expect(pager(html), path).toContain(`/ <span class="numbers">${built.length}</span> 页`);
      }
    }
  });

  test('every year page stays under the bound', async () => {
    for (const year of years.years) {
      for (const path of builtPages(`/years/${year}/`, `years/${year}`)) {
        expect(statSync(join(out, path, 'index.html')).size, path).toBeLessThanOrEqual(BOUND);
      }
    }
  });

  test('no page grows with the number of plans: /compare/ shows a bounded first view, every other page stays under 300 KB', async () => {
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(PLANS * 20);
    // The first view of /compare/ is at most 8 plans side by side with their full texts: ~0.9–1 MB at 20, 120 or 1,000 plans.
    expect(statSync(join(out, 'compare/index.html')).size).toBeLessThanOrEqual(1200 * 1024);
    for (const page of pages) {
      if (page === join('compare', 'index.html')) continue;
      const limit = /^plans\/[^/]+\/tasks\//.test(page) ? 40 * 1024 : 300 * 1024;
      expect(statSync(join(out, page)).size, page).toBeLessThanOrEqual(limit);
    }
  });

  test('every plan is reachable from the home listing, once', async () => {
    const cards = [...(await crawlPager('/')).values()].flatMap((html) => [...html.matchAll(/<h2 id="plan-([a-z0-9-]+)"><a href="\/plans\/\1\/">/g)].map((m) => m[1]!));
    expect([...cards].sort()).toEqual(ids);
  });

  test('the first home page indexes every jurisdiction, linking to where its plans start', async () => {
    const html = await get('/');
    const index = /<ul class="page-index small">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(index.match(/<li>/g)?.length).toBeGreaterThan(1);
    for (const m of index.matchAll(/href="([^"#]*)#plan-([a-z0-9-]+)"/g)) {
      expect(await get(m[1]!), m[0]).toContain(`id="plan-${m[2]}"`);
    }
  });

  test('every task due in a year, and every task recurring in it, is on one of the year pages', async () => {
    const entry = years.get(2026)!;
    const expected = new Set([
      ...entry.due.flatMap((d) => d.items.map((it) => `/plans/${d.plan}/tasks/${it.number}/`)),
      ...entry.recurring.flatMap((r) => r.tasks.map((t) => `/plans/${r.plan}/tasks/${t.number}/`)),
    ]);
    const found = new Set([...(await crawlPager('/years/2026/')).values()].flatMap((html) => hrefs(html, /^\/plans\/[^/]+\/tasks\/\d+\/$/)));
    expect(found).toEqual(expected);
  });

  test('every plan checklist PDF is linked from the data pages and from the plan page', async () => {
    const pdfs = new Set([...(await crawlPager('/data/')).values()].flatMap((html) => hrefs(html, /^\/pdf\/[^/]+\.pdf$/)));
    for (const id of ids) expect(pdfs.has(`/pdf/${id}.pdf`), id).toBe(true);
    const plan = await get(`/plans/${ids[0]}/`);
    expect(plan).toContain(`href="/pdf/${ids[0]}.pdf"`);
  });

  test('every plan has its coverage row on one page of /compare/plans/', async () => {
    const rows = [...(await crawlPager('/compare/plans/')).values()].flatMap((html) =>
      [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]!),
    );
    expect(rows.length).toBe(PLANS);
  });
});

describe(`listings at ${PLANS} plans in Chromium`, () => {
  const paged = ['/plans/page/2/', '/years/2026/2/', '/compare/plans/page/2/', '/data/plans/2/', '/', '/years/2026/'];

  test('fit a 375px wide screen without horizontal scrolling', async () => {
    for (const path of paged) {
      const page = await newPage(browser(), { width: 375, height: 800 });
      await page.goto(`${server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  test('have no serious or critical accessibility violations', async () => {
    for (const path of ['/plans/page/2/', '/years/2026/', '/years/2026/2/', '/data/plans/2/']) {
      const page = await newPage(browser());
      await page.goto(`${server.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
      await page.context().close();
    }
  });

  test('the pager is reached with Tab, marks the current page and turns the page with Enter', async () => {
    const page = await newPage(browser());
    await page.goto(`${server.url}/plans/page/2/`);
    const nav = page.locator('nav[aria-label="分页"]');
    expect(await nav.locator('[aria-current="page"]').textContent()).toBe('2');
    expect(await nav.locator('.paging-status').textContent()).toMatch(/第\s*2\s*\/\s*\d+\s*页/);
    let reached = false;
    for (let i = 0; i < 400 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('rel') === 'next' && !!document.activeElement.closest('nav.paging'));
    }
    expect(reached).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/plans\/page\/3\/$/);
    expect(await page.locator('nav[aria-label="分页"] [aria-current="page"]').textContent()).toBe('3');
    await page.context().close();
  });

  test('leaves the pager and the jurisdiction index out of print', async () => {
    const page = await newPage(browser());
    await page.goto(`${server.url}/years/2026/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.paging').isVisible()).toBe(false);
    expect(await page.locator('.page-index').isVisible()).toBe(false);
    expect(await page.locator('h2[id^="due-"]').first().isVisible()).toBe(true);
    await page.context().close();
  });
});
