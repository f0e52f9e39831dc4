/**
 * What a visitor downloads for a first search, measured in headless Chromium
 * (playwright-core, /usr/bin/chromium): open `/search/?q=<query>` on a built
 * site served over HTTP and wait for the results; every response body the
 * page fetched is counted (the HTML, scripts, styles, Pagefind's files and
 * the substring index shards alike). Also the bytes of opening one task page.
 */
import { chromium } from 'playwright-core';
import { serveStatic } from '../../test/e2e/harness/server.ts';

export interface Download {
  /** Total bytes of every response body. */
  bytes: number;
  /** Responses fetched. */
  requests: number;
  /** The largest single response: its path and bytes. */
  largest: { path: string; bytes: number };
  /** Results the page listed. */
  results: number;
}

const CHROMIUM = process.env.PLANBOOK_CHROMIUM ?? '/usr/bin/chromium';

export async function firstQuery(dist: string, query: string): Promise<Download> {
  return measure(dist, `/search/?q=${encodeURIComponent(query)}`, async (page) => {
    await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached', timeout: 120_000 });
    return page.$$eval('[data-search-results] h2 a', (links) => links.length);
  });
}

export async function taskPage(dist: string, path: string): Promise<Download> {
  return measure(dist, path, async () => 0);
}

async function measure(dist: string, path: string, settle: (page: import('playwright-core').Page) => Promise<number>): Promise<Download> {
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      // Chromium's own count of the body bytes received (a large body is not kept for .body()).
      const path = new URL(response.url()).pathname;
      sizes.push(response.finished().then(() => response.request().sizes()).then((s) => ({ path, bytes: s.responseBodySize }), () => ({ path, bytes: 0 })));
    });
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    const results = await settle(page);
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    const largest = all.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '', bytes: 0 });
    return { bytes: all.reduce((n, s) => n + s.bytes, 0), requests: all.length, largest, results };
  } finally {
    await browser.close();
    await server.close();
  }
}
