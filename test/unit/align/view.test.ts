/**
 * The comparison view on the five plans: each row's cell of a plan is that
 * plan's first task in the row, whether the view shows every plan or two
 * (the pair pages), and the two-plan view agrees with the full one.
 */
import { describe, expect, test } from 'vitest';
import { alignPlans } from '../../../src/align/index.ts';
import { comparisonView } from '../../../src/align/view.ts';
import { loadPlans } from '../../../src/load/plans.ts';

const { plans } = await loadPlans('content/plans');
const alignment = alignPlans(plans);

describe('comparisonView', () => {
  test('a cell is the plan’s first task listed in the row', () => {
    const view = comparisonView(plans, alignment);
    const planOf = new Map(plans.flatMap((p) => p.tasks.map((t) => [t.id, p.id] as const)));
    view.rows.forEach((row) => {
      for (const p of plans) {
        const first = row.group.tasks.find((id) => planOf.get(id) === p.id) ?? null;
        expect(row.cells[p.id]?.task.id ?? null).toBe(first);
      }
    });
  });

  test('the view of two plans has the same cells for them as the view of all', () => {
    const all = comparisonView(plans, alignment);
    for (const a of plans) {
      for (const b of plans) {
        if (a === b) continue;
        const pair = comparisonView([a, b], alignment);
        pair.rows.forEach((row, i) => {
          for (const id of [a.id, b.id]) expect(row.cells[id]).toEqual(all.rows[i]!.cells[id]);
        });
        expect(pair.overlap(a.id, b.id)).toBe(all.overlap(a.id, b.id));
      }
    }
  });
});
