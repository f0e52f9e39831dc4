import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPlans } from '../../../src/load/plans.ts';
import type { Plan } from '../../../src/model/schema.ts';
import { planTaskList, progressTaskList, renderTaskList, unitTaskList } from '../../../src/pdf/index.ts';
import { geometry } from '../../../src/pdf/layout.ts';
import { dateLabel } from '../../../src/progress/labels.ts';
import { loadProgress, progressDir } from '../../../src/progress/load.ts';
import { createProgress, statusOf, type SiteProgress } from '../../../src/progress/view.ts';
import { column, expectInkOnEveryLine, shipped } from './checks.ts';
import { pdfText } from './poppler.ts';

const root = resolve(import.meta.dirname, '../../..');
const options = { buildDate: '2026-11-23' };
const squash = (s: string) => s.replace(/\s+/g, '');
let plans: Plan[];
let progress: SiteProgress;
beforeAll(async () => {
  plans = (await loadPlans(resolve(root, 'content/plans'))).plans;
  progress = createProgress(plans, await loadProgress(progressDir(resolve(root, 'content/plans'))));
});

describe('the 进展情况表 of a plan (templates/checklists/progress.yml)', () => {
  test('prints every task with the status word the site shows, its date and the latest 进展, marked as sample data', async () => {
    const plan = plans.find((p) => p.id === 'yueyang')!;
    const site = progress.of('yueyang')!;
    const doc = progressTaskList(planTaskList(plan), statusOf(progress))!;
    const { bytes, layout } = await renderTaskList(doc, shipped('progress'), options);
    const text = squash(pdfText(bytes));
    expect(text).toContain(`岳阳街道安全生产治本攻坚三年行动进展情况表（截至${dateLabel(site.asOf)}）`);
    expect(text).toContain('示例数据');
    const geo = geometry(shipped('progress'));
    const col = column(geo, 'progress-status');
    const statuses = squash(pdfText(bytes, { x: col.x + 1, y: geo.page.top + 22, width: col.width - 2, height: geo.page.height - geo.page.bottom - geo.page.top - 22 }));
    // Every task's status word, in task order, each followed by its date.
    const want = site.items.map((i) => `${i.shown}截至${dateLabel(site.asOf)}`).join('');
    expect(statuses.replace(/续/g, '')).toContain(want);
    expect(site.items.some((i) => i.shown === '已逾期')).toBe(true);
    const withNote = site.items.find((i) => i.latest?.progress)!;
    expect(text).toContain(squash(withNote.latest!.progress!));
    expectInkOnEveryLine(layout, bytes);
  });

  test('has nothing for a plan without progress records', () => {
    const none = createProgress(plans, new Map());
    expect(progressTaskList(planTaskList(plans[0]!), statusOf(none))).toBeNull();
  });
});

describe('the 进展情况表 of a unit', () => {
  test('lists the unit’s tasks in the plans with progress, each with its status', async () => {
    const item = progress.plans.flatMap((p) => p.items).find((i) => i.task.units.some((u) => u.source === 'stated'))!;
    const name = item.task.units.find((u) => u.source === 'stated')!.name;
    const doc = progressTaskList(unitTaskList(name, plans), statusOf(progress))!;
    const rows = doc.sections.flatMap((s) => s.rows);
    expect(rows.every((r) => r.progress)).toBe(true);
    expect(rows.map((r) => r.task)).toContain(item.task.id);
    const { bytes } = await renderTaskList(doc, shipped('progress'), options);
    const text = squash(pdfText(bytes));
    expect(text).toContain(`${name}安全生产治本攻坚三年行动进展情况表`);
    expect(text).toContain(item.shown);
  });
});
