/**
 * The site served under a sub-path (`http://host/anquan/`), as an intranet
 * server hosting several sites would: built from changed templates (site
 * name, public URL, base path) with no code change, every link of every page
 * answered under the sub-path, and search working there.
 */
import { readFile, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { faultProject, removeProjects, root, runBuild } from '../fault/harness.ts';
import { newPage, serveStatic, useBrowser } from './harness/index.ts';

const browser = useBrowser();
let server: { url: string; close: () => Promise<void> };
let out: string;

beforeAll(async () => {
  const project = await faultProject();
  out = join(project.dir, 'anquan-dist');
  const templates = join(project.dir, 'templates');
  await cp(join(root, 'templates'), templates, { recursive: true });
  const site = join(templates, 'site.yml');
  const text = (await readFile(site, 'utf8'))
    .replace(/^name: .*$/m, 'name: 某区安全生产方案库')
    .replace(/^url: .*$/m, 'url: https://intranet.gov.test')
    .replace(/^base: .*$/m, 'base: /anquan/');
  await writeFile(site, text);
  // An office adds a portrait checklist of its own, next to the shipped landscape ones.
  const portrait = (await readFile(join(templates, 'checklists/plan.yml'), 'utf8'))
    .replace('paper: A4 横向', 'paper: A4 纵向')
    .replace(/^columns:[\s\S]*?^footer/m, [
      'columns:',
      '  - { content: number, width: 1 }',
      '  - { content: task, width: auto, text: lead }',
      '  - { content: lead-units, width: 2.6 }',
      '  - { content: support-units, width: 2.6 }',
      '  - { content: deadline, width: 2.2 }',
      '  - { content: status, width: 4 }',
      'footer',
    ].join('\n'));
  await writeFile(join(templates, 'checklists/portrait.yml'), portrait);
  const run = await runBuild({ ...project, out }, { PLANBOOK_TEMPLATES: templates });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  server = await serveStatic(out, '/anquan/');
}, 300_000);

afterAll(async () => {
  await server?.close();
  removeProjects();
});

const ATTR = /\s(?:href|src|action)\s*=\s*"([^"]*)"/g;

describe('the site under /anquan/', () => {
  test('answers every internal link, asset, PDF and data file of every page under the sub-path', async () => {
    const seen = new Set<string>(['/anquan/']);
    const queue = ['/anquan/'];
    const failures: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const response = await fetch(`${server.url}${path}`);
      if (response.status !== 200) failures.push(`${path} → ${response.status}`);
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      const html = await response.text();
      for (const m of html.matchAll(ATTR)) {
        const raw = m[1]!.replace(/&amp;/g, '&');
        if (/^(?:[a-z]+:|\/\/|#)/i.test(raw)) continue;
        const url = new URL(raw, `http://x${path}`);
        if (!url.pathname.startsWith('/anquan/')) failures.push(`${path} links outside the sub-path: ${raw}`);
        else if (!seen.has(url.pathname)) {
          seen.add(url.pathname);
          queue.push(url.pathname);
        }
      }
    }
    expect(failures).toEqual([]);
    expect([...seen].some((p) => p.endsWith('.pdf'))).toBe(true);
    expect(seen.has('/anquan/data/tasks.xlsx')).toBe(true);
    expect(seen.size).toBeGreaterThan(80);
  });

  test('shows the site name from site.yml and a canonical link under the public URL', async () => {
    const html = await (await fetch(`${server.url}/anquan/units/`)).text();
    expect(html).toContain('某区安全生产方案库');
    expect(html).toContain('<link rel="canonical" href="https://intranet.gov.test/anquan/units/">');
    expect(html).not.toContain('example.org');
  });

  test('makes the checklist an office added, in portrait, linked from the data page', async () => {
    const html = await (await fetch(`${server.url}/anquan/data/`)).text();
    expect(html).toContain('href="/anquan/pdf/portrait/miaohang.pdf"');
    const bytes = new Uint8Array(await (await fetch(`${server.url}/anquan/pdf/portrait/miaohang.pdf`)).arrayBuffer());
    const pdf = await PDFDocument.load(bytes);
    const { width, height } = pdf.getPage(0).getSize();
    expect(height).toBeGreaterThan(width);
    const landscape = await PDFDocument.load(new Uint8Array(await (await fetch(`${server.url}/anquan/pdf/miaohang.pdf`)).arrayBuffer()));
    expect(landscape.getPage(0).getSize().width).toBeGreaterThan(landscape.getPage(0).getSize().height);
  });

  test('writes absolute 链接 into the CSV from the public URL and the base path', async () => {
    const csv = await (await fetch(`${server.url}/anquan/data/tasks.csv`)).text();
    expect(csv).toContain('https://intranet.gov.test/anquan/plans/miaohang/tasks/1/');
  });

  test('searches from the header box and opens a result under the sub-path', async () => {
    const page = await newPage(browser());
    await page.goto(`${server.url}/anquan/`);
    await page.fill('#site-search-q', '隐患');
    await page.press('#site-search-q', 'Enter');
    await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached' });
    const hrefs = await page.$$eval('[data-search-results] h2 a', (links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /^\/anquan\/plans\/[a-z]+\/tasks\/\d+\/$/.test(h))).toBe(true);
    await page.click('[data-search-results] h2 a');
    await page.waitForURL(/\/anquan\/plans\/[a-z]+\/tasks\/\d+\/$/);
    expect(await page.title()).toContain('某区安全生产方案库');
    await page.context().close();
  });
});
