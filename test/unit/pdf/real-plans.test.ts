import { beforeAll, describe, expect, test } from 'vitest';
import { unitSlug } from '../../../src/derive/units.ts';
import { loadPlans } from '../../../src/load/plans.ts';
import type { Plan } from '../../../src/model/schema.ts';
import { planTaskList, planYears, renderTaskList, unitTaskList, yearTaskList } from '../../../src/pdf/index.ts';
import { NO_LINE_END, NO_LINE_START } from '../../../src/pdf/linebreak.ts';
import { expectInkOnEveryLine, expectRowsInOrder } from './checks.ts';
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
      const { bytes, layout } = await renderTaskList(doc, options);
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
        const { bytes } = await renderTaskList(doc, options);
        expectRowsInOrder(doc, bytes);
      }
    });
  }

  test('every unit named in a task gets a list that includes each of its tasks', async () => {
    const names = new Map<string, string>();
    for (const t of plans.flatMap((p) => p.tasks)) for (const u of t.units) names.set(unitSlug(u.name), u.name);
    for (const name of names.values()) {
      const doc = unitTaskList(name, plans);
      const listed = new Set(doc.sections.flatMap((s) => s.rows.map((r) => r.source.label)));
      const owed = plans.flatMap((p) => p.tasks.filter((t) => t.units.some((u) => unitSlug(u.name) === unitSlug(name))).map((t) => `${p.name}任务 ${t.number} `));
      for (const label of owed) expect(listed, `${name}: ${label}`).toContain(label);
    }
    const busiest = [...names.values()].sort((a, b) => unitTaskList(b, plans).sections.length - unitTaskList(a, plans).sections.length)[0]!;
    const doc = unitTaskList(busiest, plans);
    const { bytes, layout } = await renderTaskList(doc, options);
    expectRowsInOrder(doc, bytes);
    expectInkOnEveryLine(layout, bytes);
  });
});
