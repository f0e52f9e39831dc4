import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadPlans } from '../../src/load/plans.ts';
import { useBrowser, newPage, screenshot, seriousViolations, serveStatic, type Page } from './harness/index.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

/** One page of each type, found by following links from the home page (no ids hard-coded). */
async function pageTypes(): Promise<Record<string, string>> {
  const page = await newPage(browser());
  await page.goto(`${baseURL}/`);
  const plan = (await page.locator('.cards a[href^="/plans/"]').first().getAttribute('href'))!;
  await page.goto(`${baseURL}/units/`);
  const unit = (await page.locator('main a[href^="/units/"]').first().getAttribute('href'))!;
  await page.goto(`${baseURL}/years/`);
  const year = (await page.locator('main a[href^="/years/"]').first().getAttribute('href'))!;
  await page.context().close();
  return {
    home: '/',
    plan,
    task: `${plan}tasks/1/`,
    units: '/units/',
    unit,
    years: '/years/',
    year,
    data: '/data/',
    notFound: '/no-such-page/',
  };
}

let pages: Record<string, string>;
beforeAll(async () => {
  pages = await pageTypes();
});

async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser(), viewport);
  await page.goto(`${baseURL}${path}`);
  return page;
}

describe('every page type', () => {
  test('renders one h1 inside main, in Chinese, with the skip link and search box', async () => {
    for (const [name, path] of Object.entries(pages)) {
      const page = await open(path);
      expect(await page.getAttribute('html', 'lang'), name).toBe('zh-CN');
      expect(await page.locator('main#main h1').count(), name).toBe(1);
      expect(await page.locator('a.skip-link[href="#main"]').count(), name).toBe(1);
      expect(await page.locator('form[role="search"] input[name="q"]').count(), name).toBe(1);
      await page.context().close();
    }
  });

  test('fits a 375px wide screen without horizontal scrolling', async () => {
    for (const [name, path] of Object.entries(pages)) {
      const page = await open(path, { width: 375, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (name === 'home' || name === 'plan' || name === 'task') await screenshot(page, `375-${name}`);
      expect(overflow, `${name} ${path}`).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  test('has no serious or critical accessibility violations', async () => {
    for (const name of ['home', 'plan', 'task', 'units', 'unit', 'year', 'data', 'notFound']) {
      const page = await open(pages[name]!);
      const violations = await seriousViolations(page);
      expect(violations, `${name} ${pages[name]}`).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the plan page', () => {
  test('anchors every task as #task-<n> and links each to its permalink', async () => {
    const page = await open(pages.plan!);
    const anchors = await page.locator('.task[id^="task-"]').count();
    const permalinks = await page.locator('.task a[href*="/tasks/"]').count();
    expect(anchors).toBeGreaterThan(0);
    expect(permalinks).toBe(anchors);
    await page.goto(`${baseURL}${pages.plan}#task-2`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('task-2');
    await screenshot(page, 'plan');
    await page.context().close();
  });

  test('shows every block of the cover and body and every paragraph of every task', async () => {
    const { plans } = await loadPlans('content/plans');
    const squash = (t: string) => t.replace(/\s+/g, '');
    for (const plan of plans) {
      const page = await open(`/plans/${plan.id}/`);
      const text = squash(await page.locator('main').innerText());
      const missing: string[] = [];
      for (const b of [...plan.cover, ...plan.body]) {
        const parts = b.kind === 'heading' || b.kind === 'paragraph' ? [b.text] : b.kind === 'table' ? b.rows.flat() : [];
        for (const p of parts) if (!text.includes(squash(p))) missing.push(p);
      }
      for (const t of plan.tasks) for (const p of t.paragraphs) if (!text.includes(squash(p))) missing.push(`任务${t.number}: ${p}`);
      expect(missing, plan.id).toEqual([]);
      await page.context().close();
    }
  });

  test('prints without navigation or search box', async () => {
    const page = await open(pages.plan!);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-search').isVisible()).toBe(false);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    await screenshot(page, 'print-plan');
    await page.context().close();
  });
});

describe('the task page', () => {
  test('shows the task under one heading, with no search markup left in the page (search is indexed from the model)', async () => {
    const page = await open(pages.task!);
    expect(await page.locator('article h1').count()).toBe(1);
    expect(await page.locator('[data-pagefind-body], [data-pagefind-filter], [data-pagefind-meta], [data-pagefind-ignore]').count()).toBe(0);
    await screenshot(page, 'task');
    await page.context().close();
  });

  test('links to its place in the plan page', async () => {
    const page = await open(pages.task!);
    await page.locator('a[href$="#task-1"]').first().click();
    await page.waitForURL(/#task-1$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('task-1');
    await page.context().close();
  });

  test('copies its own address with the copy button', async () => {
    const page = await open(pages.task!);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const button = page.locator('[data-copy-link]');
    expect(await button.textContent()).toBe('复制链接');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}${pages.task}`);
    await page.context().close();
  });

  test('shows its text and address without JavaScript, and hides the copy button', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}${pages.task}`);
    expect(await page.locator('.task-text p').first().textContent()).toMatch(/\S{10,}/);
    expect(await page.locator('[data-copy-source]').textContent()).toBe(pages.task);
    expect(await page.locator('[data-copy-link]').isVisible()).toBe(false);
    await context.close();
  });

  test('prints its text without navigation, search box or copy button', async () => {
    const page = await open(pages.task!);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('[data-copy-link]').isVisible()).toBe(false);
    await screenshot(page, 'print-task');
    await page.context().close();
  });

  test('prints on one A4 sheet, with no link printed as a relative path', async () => {
    const page = await open('/plans/changning/tasks/18/');
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    expect(await page.locator('.breadcrumbs').isVisible()).toBe(false);
    expect(await page.locator('nav[aria-label="上一项与下一项"]').isVisible()).toBe(false);
    expect(await page.locator('.copy-link').isVisible()).toBe(false); // no public URL configured in the test build
    await page.context().close();
  });

  test('says who is responsible: 本任务未写明责任单位 and the plan-level duty quoted with its place in the plan', async () => {
    const page = await open('/plans/yueyang/tasks/3/');
    const units = page.locator('section[aria-labelledby="units-heading"]');
    expect(await units.textContent()).toContain('本任务未写明责任单位');
    const duty = units.locator('.plan-duties li').first();
    expect(await duty.locator('q').textContent()).toBe('街道安委办负责制定并实施岳阳街道安全生产治本攻坚三年行动方案。');
    await duty.locator('a').click();
    await page.waitForURL(/\/plans\/yueyang\/#p-\d+$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toContain('街道安委办负责制定并实施');
    await page.context().close();
  });

  test('always has a counterparts section, 无对应任务 when no other plan has one', async () => {
    const page = await open('/plans/changning/tasks/11/');
    expect(await page.locator('#counterparts-heading').textContent()).toBe('其他方案中的对应任务');
    expect(await page.locator('.counterparts').textContent()).toContain('无对应任务');
    await page.goto(`${baseURL}/plans/yueyang/tasks/3/`);
    const rows = await page.locator('.counterparts tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(6);
    await page.context().close();
  });
});

describe('counts agree across pages', () => {
  test('/units/ and /data/ give the same number of units with a checklist PDF, and every unit PDF is linked', async () => {
    const page = await open('/units/');
    const lede = (await page.locator('main p').first().textContent())!.replace(/\s+/g, '');
    const withTasks = Number(/其中(\d+)个在任务中写明/.exec(lede)?.[1]);
    await page.goto(`${baseURL}/data/`);
    const data = (await page.locator('#unit-pdf-heading + p').textContent())!.replace(/\s+/g, '');
    expect(Number(/共(\d+)个单位/.exec(data)?.[1])).toBe(withTasks);
    expect(await page.locator('a[href^="/pdf/units/"]').count()).toBe(withTasks);
    await page.context().close();
  });

  test('a year page mentions 以方案期限为准 only when it lists such tasks', async () => {
    const page = await open('/years/2024/');
    const lede = (await page.locator('main h1 + p').textContent())!;
    const implicit = await page.locator('h3', { hasText: '未写明具体时间节点' }).count();
    expect(lede.includes('以方案期限为准')).toBe(implicit > 0);
    await page.context().close();
  });
});

describe('keyboard use', () => {
  test('reaches the skip link first and the search box soon after, and submits a search', async () => {
    const page = await open(pages.plan!);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.locator('.skip-link').boundingBox()).not.toBeNull();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'site-search-q');
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.type('隐患');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('隐患');
    await page.context().close();
  });

  test('moves focus to the main content with the skip link', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });
});

describe('content is data, never markup', () => {
  const run = promisify(execFile);
  let out: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    // Inside the project, with its own cache: Astro shares intermediate files otherwise.
    mkdirSync('test-results', { recursive: true });
    out = mkdtempSync(resolve('test-results/hostile-dist-'));
    await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      env: {
        ...process.env,
        PLANBOOK_CONTENT: 'test/fixtures/site/hostile',
        PLANBOOK_UNITS: 'test/fixtures/site/hostile/units.yml',
        PLANBOOK_OUT: out,
        PLANBOOK_CACHE: `${out}-cache`,
        PLANBOOK_NO_ALIGN: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    server = await serveStatic(out);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
    if (out) rmSync(`${out}-cache`, { recursive: true, force: true });
  });

  test('escapes raw HTML from the plan text in the built pages', () => {
    for (const file of ['plans/hostile/index.html', 'plans/hostile/tasks/1/index.html', 'index.html']) {
      // Inside a quoted attribute value (<meta content="…">) a "<" is inert; only markup outside counts.
      const html = readFileSync(join(out, file), 'utf8').replace(/="[^"]*"/g, '=""');
      expect(html, file).not.toMatch(/<script>alert/);
      expect(html, file).not.toMatch(/<img src=x/);
      expect(html, file).not.toMatch(/<iframe/);
      expect(html, file).not.toMatch(/onclick="alert/);
    }
    expect(readFileSync(join(out, 'plans/hostile/index.html'), 'utf8')).toContain('&lt;script&gt;alert(5)&lt;/script&gt;');
  });

  test('shows the markup as visible text and runs none of it', async () => {
    const page = await newPage(browser());
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(`${server.url}/plans/hostile/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('<script>alert(5)</script>');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(text).toContain('<iframe src="https://example.org"></iframe>');
    expect(await page.locator('main iframe, main img, main [onclick]').count()).toBe(0);
    await page.goto(`${server.url}/plans/hostile/tasks/1/`);
    expect(await page.locator('h1').innerText()).toBe('强化<em>党委</em>责任');
    // Progress records (test/fixtures/site/progress/hostile.yml) are text too; only http(s) evidence becomes a link.
    expect(await page.locator('.history').innerText()).toContain('<script>alert(6)</script>进展<img src=x onerror=alert(7)>');
    expect(await page.locator('main a[href^="javascript:"], main img, main iframe').count()).toBe(0);
    await screenshot(page, 'hostile-task');
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
