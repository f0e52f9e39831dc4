import { describe, expect, inject, test } from 'vitest';
import { useBrowser, newPage, screenshot, seriousViolations, type Page } from './harness/index.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

const columnOrder = (page: Page) =>
  page.locator('#cmp-matrix thead th[data-plan]:not([hidden])').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-plan')));

describe('compare page', () => {
  test('renders the full matrix with every plan and a full text without JavaScript', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseURL}/compare/`);
    expect(await page.locator('#cmp-matrix thead th[data-plan]').count()).toBe(5);
    expect(await page.locator('#cmp-matrix tbody tr').count()).toBeGreaterThan(30);
    expect(await page.locator('#cmp-controls').isHidden()).toBe(true);
    const details = page.locator('#cmp-matrix td details').first();
    await details.locator('summary').click();
    expect(await details.locator('.cmp-text').isVisible()).toBe(true);
    await screenshot(page, 'compare-nojs', { fullPage: false });
    await context.close();
  });

  test('lets the reader hide a plan and move another to the front', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/`);
    const before = await columnOrder(page);
    await page.locator('#cmp-plan-list input[value="xiangxiang"]').uncheck();
    expect(await columnOrder(page)).not.toContain('xiangxiang');
    const last = before.filter((id) => id !== 'xiangxiang').at(-1)!;
    for (let i = 0; i < 5; i++) await page.locator(`#cmp-plan-list li[data-plan="${last}"] button[data-move="up"]`).click();
    expect((await columnOrder(page))[0]).toBe(last);
    await screenshot(page, 'compare-chosen-plans', { fullPage: false });
    await page.context().close();
  });

  test('changing the baseline recomputes the word diff of the other cells', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/`);
    // The row holding 长宁 task 10 (deadline 2024年6月底前) against 岳阳 task 6 (2024年底前).
    const row = page.locator('#cmp-matrix tbody tr', { has: page.locator('td[data-task="changning-10"]') });
    await page.selectOption('#cmp-baseline', 'yueyang');
    await expect.poll(() => page.locator('#cmp-base-name').textContent()).toBe('岳阳街道');
    const changning = row.locator('td[data-plan="changning"]');
    expect(await changning.locator('.cmp-delta').textContent()).toContain('2024年6月底前');
    expect(await row.locator('td[data-plan="yueyang"] ins, td[data-plan="yueyang"] del').count()).toBe(0);
    expect(await changning.locator('ins').count()).toBeGreaterThan(0);
    await page.selectOption('#cmp-baseline', 'changning');
    expect(await changning.locator('ins, del').count()).toBe(0);
    expect(await row.locator('td[data-plan="yueyang"] del').count()).toBeGreaterThan(0);
    await changning.locator('summary').click();
    await row.locator('td[data-plan="yueyang"] summary').click();
    await changning.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-baseline-changning', { fullPage: false });
    await page.context().close();
  });

  test('the expand button opens every full text and a year filter hides rows', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/`);
    await page.click('#cmp-expand');
    const open = await page.locator('#cmp-matrix details[open]').count();
    expect(open).toBe(await page.locator('#cmp-matrix details').count());
    const all = await page.locator('#cmp-matrix tbody tr:not([hidden])').count();
    await page.selectOption('#cmp-year', '2025');
    const filtered = await page.locator('#cmp-matrix tbody tr:not([hidden])').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    await page.context().close();
  });

  test('fits a 375px screen: two plan columns, no sideways scrolling or hint needed', async () => {
    const page = await newPage(browser(), { width: 375, height: 800 });
    await page.goto(`${baseURL}/compare/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('#cmp-hint').isVisible()).toBe(false);
    await screenshot(page, 'compare-375', { fullPage: false });
    await page.context().close();
  });

  test('只看缺项 answers "which 岳阳 tasks have no 长宁 counterpart" in one step, and the view survives as a shared URL', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/?plans=yueyang,changning&base=yueyang&gap=changning`);
    const rows = page.locator('#cmp-matrix tbody tr:not([hidden])');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      expect(await rows.nth(i).locator('td[data-plan="changning"]').getAttribute('data-task')).toBe('');
      expect(await rows.nth(i).locator('td[data-plan="yueyang"]').getAttribute('data-task')).not.toBe('');
    }
    await page.selectOption('#cmp-gap', '');
    expect(page.url()).not.toContain('gap=');
    expect(await rows.count()).toBeGreaterThan(n);
    await page.context().close();
  });

  test('只看差异 keeps the rows whose deadline or units differ from the baseline', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/`);
    for (const id of ['xiangxiang', 'yueyang', 'changning']) await page.locator(`#cmp-plan-list input[value="${id}"]`).uncheck();
    await page.selectOption('#cmp-baseline', 'miaohang');
    await page.check('#cmp-diff');
    expect(page.url()).toContain('diff=1');
    const rows = page.locator('#cmp-matrix tbody tr:not([hidden])');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator('td[data-plan="puxinglu"] .cmp-delta li').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  test('keeps the plan names in view while the rows scroll', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/`);
    await page.locator('.cmp-scroll').evaluate((el) => (el.scrollTop = 2000));
    const box = await page.locator('#cmp-matrix thead th[data-plan]').first().boundingBox();
    const scroller = await page.locator('.cmp-scroll').boundingBox();
    expect(Math.abs(box!.y - scroller!.y)).toBeLessThan(4);
    await page.context().close();
  });

  test('on a phone shows the baseline and one chosen plan side by side', async () => {
    const page = await newPage(browser(), { width: 375, height: 800 });
    await page.goto(`${baseURL}/compare/?base=miaohang&partner=puxinglu`);
    expect(await page.locator('#cmp-matrix thead th[data-plan]:visible').allTextContents()).toEqual(['庙行镇', '浦兴路街道']);
    await page.selectOption('#cmp-partner', 'changning');
    expect(await page.locator('#cmp-matrix thead th[data-plan]:visible').allTextContents()).toEqual(['庙行镇', '长宁区']);
    await screenshot(page, 'compare-phone', { fullPage: false });
    await page.context().close();
  });

  test('has no serious accessibility violations', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('topic and plan overview pages', () => {
  test("a task page links its topic page, which lists every plan's task and the plans without one", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/plans/yueyang/tasks/3/`);
    await page.locator('.counterparts a[href^="/compare/topics/"]').first().click();
    await page.waitForURL('**/compare/topics/**');
    const plans = await page.locator('main tbody th[scope="row"]').allTextContents();
    expect(plans).toContain('岳阳街道');
    expect(plans).toContain('长宁区');
    expect(await page.locator('#absent-heading + p').textContent()).toContain('湘乡市');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('/compare/plans/ lists the two-plan tables and coverage without serious accessibility violations', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/plans/`);
    expect(await page.locator('.cmp-pairs a').count()).toBeGreaterThan(0);
    expect(await page.locator('#coverage').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('two-plan view', () => {
  test('is reachable from the top of the compare page and reads as a table of both plans with diffs', async () => {
    const page = await newPage(browser());
    await page.goto(`${baseURL}/compare/`);
    await page.locator('.cmp-links a', { hasText: '两方案对照表' }).click();
    await page.locator('.cmp-pairs a[href="/compare/changning/yueyang/"]').click();
    await page.waitForURL('**/compare/changning/yueyang/');
    expect(await page.locator('table.pair-table thead th').allTextContents()).toEqual(['主题', '长宁区', '岳阳街道', '时限与单位差异']);
    expect(await page.locator('table.pair-table tbody ins').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'compare-pair', { fullPage: false });
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'compare-pair-print', { fullPage: false });
    await page.context().close();
  });
});
