/**
 * Progress on the built site, in headless Chromium: every task of a plan
 * with records carries the badge the model derives, the progress views count
 * what the model counts (overdue as of the plan's report date), the task
 * page shows the history, and the calendar and form links download.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadPlans } from '../../src/load/plans.ts';
import type { Plan } from '../../src/model/schema.ts';
import { countStatuses, progressAsOf, taskHistory } from '../../src/progress/derive.ts';
import { loadProgress } from '../../src/progress/load.ts';
import { createProgress, type SiteProgress } from '../../src/progress/view.ts';
import { newPage, screenshot, seriousViolations, useBrowser, type Page } from './harness/index.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();
const root = resolve(import.meta.dirname, '../..');
let plans: Plan[];
let progress: SiteProgress;
beforeAll(async () => {
  plans = (await loadPlans(resolve(root, 'content/plans'))).plans;
  progress = createProgress(plans, await loadProgress(resolve(root, 'content/progress')));
});

async function open(path: string, width = 1200): Promise<Page> {
  const page = await newPage(browser(), { width, height: 900 });
  const response = await page.goto(`${baseURL}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('progress on the site', () => {
  test('every task on a plan page carries the status the model derives as of the plan’s report date', async () => {
    const p = progress.plans.find((x) => x.plan.id === 'yueyang')!;
    const page = await open('/plans/yueyang/');
    const shown = await page.locator('.plan-body .task .task-status .status').allTextContents();
    expect(shown).toEqual(p.items.map((i) => (i.shown === '已逾期' ? `已逾期（${i.latest?.status ?? '未填报'}）` : i.shown)));
    expect(shown.length).toBe(plan('yueyang').tasks.length);
    await page.context().close();
  });

  test('the plan’s progress view shows the counts, the overdue tasks and the sample-data note', async () => {
    for (const p of progress.plans) {
      const page = await open(`/progress/${p.plan.id}/`);
      const counts = countStatuses(p.items);
      const text = await page.locator('main').innerText();
      expect(text).toContain(`共 ${counts.total} 项任务，已逾期 ${counts['已逾期']} 项`);
      expect(await page.locator('#overdue-heading + ul li').count()).toBe(counts['已逾期']);
      expect(text.includes('示例数据'), p.plan.id).toBe(p.file.sample);
      await page.context().close();
    }
    expect(progressAsOf(progress.plans[0]!.file)).toBe('2025-03-31');
  });

  test('a task page shows its status and every report, newest first', async () => {
    const withHistory = progress.plans.flatMap((p) => p.items).find((i) => taskHistory(progress.of(i.task.plan)!.file.entries, i.task.id).length >= 3)!;
    const page = await open(withHistory.task.url);
    const history = taskHistory(progress.of(withHistory.task.plan)!.file.entries, withHistory.task.id);
    expect(await page.locator('.history li time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))).toEqual(history.map((e) => e.date).reverse());
    expect(await page.locator('.task-progress > p .status').first().innerText()).toContain(withHistory.shown);
    await screenshot(page, 'progress-task-1200');
    await page.context().close();
  });

  test('the overview counts per plan, year and unit, readable at 1200 and 375 px without sideways scrolling', async () => {
    for (const width of [1200, 375]) {
      for (const path of ['/progress/', '/progress/xiangxiang/', '/plans/xiangxiang/tasks/1/']) {
        const page = await open(path, width);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), path).toEqual([]);
        await screenshot(page, `progress${path.replaceAll('/', '-').replace(/-$/, '')}-${width}`);
        await page.context().close();
      }
    }
    const page = await open('/progress/');
    const rows = await page.locator('table').first().locator('tbody tr').count();
    expect(rows).toBe(progress.plans.length);
    await page.context().close();
  });

  test('plan and unit pages link to their calendar feed and fill-in form, and both download', async () => {
    const page = await open('/plans/yueyang/');
    const ics = await page.locator('a[href$=".ics"]').first().getAttribute('href');
    const xlsx = await page.locator('a[href$=".xlsx"]').first().getAttribute('href');
    const feed = await page.request.get(`${baseURL}${ics}`);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect((await page.request.get(`${baseURL}${xlsx}`)).status()).toBe(200);
    await page.goto(`${baseURL}/units/`);
    const unit = (await page.locator('main a[href^="/units/"]').first().getAttribute('href'))!;
    await page.goto(`${baseURL}${unit}`);
    const unitIcs = (await page.locator('.unit-progress a[href$=".ics"]').getAttribute('href'))!;
    expect((await page.request.get(`${baseURL}${unitIcs}`)).status()).toBe(200);
    await page.context().close();
  });

  test('the progress pages of a plan and of a unit link to their 进展情况表 PDF, and it downloads', async () => {
    const page = await open('/progress/yueyang/');
    const pdf = (await page.locator('main a[href$=".pdf"]').getAttribute('href'))!;
    expect(pdf).toBe('/pdf/progress/yueyang.pdf');
    const response = await page.request.get(`${baseURL}${pdf}`);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const item = progress.plans.flatMap((p) => p.items).find((i) => i.task.units.some((u) => u.source === 'stated'))!;
    const unit = item.task.units.find((u) => u.source === 'stated')!.name;
    await page.goto(`${baseURL}/units/${encodeURIComponent(unit)}/`);
    const unitPdf = (await page.locator('.unit-progress a[href$=".pdf"]').getAttribute('href'))!;
    expect(decodeURI(unitPdf)).toBe(`/pdf/progress/units/${unit}.pdf`);
    expect((await page.request.get(`${baseURL}${unitPdf}`)).status()).toBe(200);
    await page.context().close();
  });

  test('the compare matrix shows each task’s status beside it when its plan has records, and none otherwise', async () => {
    for (const width of [1280, 375]) {
      const page = await open('/compare/', width);
      const cells = await page.locator('#cmp-matrix td[data-task]:not([data-task=""])').evaluateAll((tds) =>
        tds.map((td) => ({ task: td.getAttribute('data-task')!, status: td.querySelector('.cmp-status .status')?.textContent ?? null })));
      expect(cells.length).toBeGreaterThan(30);
      for (const c of cells) {
        const found = progress.task(c.task);
        const want = found ? `${found.item.shown}${found.item.shown === '已逾期' ? `（${found.item.latest?.status ?? '未填报'}）` : ''}` : null;
        expect(c.status, c.task).toBe(want);
      }
      expect(cells.some((c) => c.status)).toBe(true);
      expect(await page.locator('.sample-note').count()).toBe(progress.plans.some((p) => p.file.sample) ? 1 : 0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (width === 375) await screenshot(page, 'compare-status-375', { fullPage: false });
      else await screenshot(page, 'compare-status', { fullPage: false });
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});

function plan(id: string): Plan {
  return plans.find((p) => p.id === id)!;
}

