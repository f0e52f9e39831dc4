import { beforeAll, describe, expect, test } from 'vitest';
import { buildUnitIndex } from '../../../src/derive/units.ts';
import { loadPlans } from '../../../src/load/plans.ts';
import type { Plan } from '../../../src/model/schema.ts';
import { planTaskList, planYears, renderTaskList, unitTaskList, yearTaskList } from '../../../src/pdf/index.ts';
import { NO_LINE_END, NO_LINE_START } from '../../../src/pdf/linebreak.ts';
import { expectInkOnEveryLine, expectRowsInOrder, shipped } from './checks.ts';
import { pdfFonts } from './poppler.ts';

const options = { buildDate: '2026-11-23' };
let plans: Plan[] = [];
beforeAll(async () => {
  plans = (await loadPlans('content/plans')).plans;
});

describe('task lists of the real plans', () => {
  test('there are the five plans', () => {
    expect(plans.map((p) => p.id).sort()).toEqual(['changning', 'miaohang', 'puxinglu', 'xiangxiang', 'yueyang']);
  });

  for (const id of ['changning', 'miaohang', 'puxinglu', 'xiangxiang', 'yueyang']) {
    test(`${id}: prints every task in order, with embedded Unicode-mapped fonts and ink on every line`, async () => {
      const plan = plans.find((p) => p.id === id)!;
      const doc = planTaskList(plan);
      expect(doc.sections.flatMap((s) => s.rows)).toHaveLength(plan.tasks.length);
      const { bytes, layout } = await renderTaskList(doc, shipped('plan'), options);
      expectRowsInOrder(doc, bytes);
      for (const font of pdfFonts(bytes)) expect([font.emb, font.uni]).toEqual(['yes', 'yes']);
      expectInkOnEveryLine(layout, bytes);
      const lines = layout.pages.flatMap((p) => p.ops).flatMap((o) => (o.kind === 'text' && o.cell === 'task' ? [o.runs.map((r) => r.text).join('')] : []));
      for (const line of lines) expect(NO_LINE_START.has(line[0]!), line).toBe(false);
      for (const line of lines) expect(NO_LINE_END.has(line.at(-1)!), line).toBe(false);
    });

    test(`${id}: each year of the period has a list whose rows read back in order`, async () => {
      const plan = plans.find((p) => p.id === id)!;
      for (const year of planYears(plan)) {
        const doc = yearTaskList(plan, year);
        const { bytes, layout } = await renderTaskList(doc, shipped('year'), options);
        expectRowsInOrder(doc, bytes, layout.geometry);
      }
    });
  }

  test('rows fill the pages: no page but the last is more than 15% empty', async () => {
    const empty: string[] = [];
    for (const plan of plans) {
      const lists = [['plan', planTaskList(plan)] as const, ...planYears(plan).map((y) => ['year', yearTaskList(plan, y)] as const)];
      for (const [kind, doc] of lists) {
        const { pages, geometry } = (await renderTaskList(doc, shipped(kind), options)).layout;
        const { height, top, bottom } = geometry.page;
        pages.slice(0, -1).forEach((page, i) => {
          const end = Math.max(...page.ops.flatMap((o) => (o.kind === 'rect' ? [o.top + o.height] : [])));
          const share = (height - bottom - end) / (height - bottom - top);
          if (share > 0.15) empty.push(`${doc.covers} ${plan.id} page ${i + 1}: ${Math.round(share * 100)}%`);
        });
      }
    }
    expect(empty).toEqual([]);
  });

  test('every unit gets a list of exactly the tasks its unit page lists, each once', async () => {
    const index = buildUnitIndex(plans, []);
    for (const unit of index.units.filter((u) => u.tasks.length > 0)) {
      const doc = unitTaskList(unit.name, plans);
      const listed = doc.sections.flatMap((s) => s.rows.filter((r) => r.number !== '—').map((r) => r.source.label));
      const page = [...new Set(unit.tasks.map((t) => `${plans.find((p) => p.id === t.plan)!.name}任务 ${t.number} `))];
      expect(listed.sort(), unit.name).toEqual(page.sort());
    }
    const names = new Map(index.units.map((u) => [u.slug, u.name]));
    const busiest = [...names.values()].sort((a, b) => unitTaskList(b, plans).sections.length - unitTaskList(a, plans).sections.length)[0]!;
    const doc = unitTaskList(busiest, plans);
    const { bytes, layout } = await renderTaskList(doc, shipped('unit'), options);
    expectRowsInOrder(doc, bytes, layout.geometry);
    expectInkOnEveryLine(layout, bytes);
  });
});
