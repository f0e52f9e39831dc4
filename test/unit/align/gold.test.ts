import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadPlans } from '../../../src/load/plans.ts';
import { alignPlans } from '../../../src/align/index.ts';
import { evaluate } from '../../../src/align/evaluate.ts';
import { readCurated } from '../../../src/align/read-curated.ts';
import type { Alignment } from '../../../src/align/types.ts';
import type { Plan } from '../../../src/model/schema.ts';

const gold = JSON.parse(readFileSync('test/fixtures/align/gold.json', 'utf8')) as { pairs: [string, string][] };
let plans: Plan[];
let alignment: Alignment;

beforeAll(async () => {
  plans = (await loadPlans('content/plans')).plans;
  alignment = alignPlans(plans);
});

const planOf = (id: string) => id.slice(0, id.lastIndexOf('-'));

describe('alignPlans on the five plans', () => {
  test('finds the hand-made correspondences with precision ≥ 0.95 and recall ≥ 0.9 without curation', () => {
    const score = evaluate(alignment, gold.pairs);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });

  test('with content/alignment.yml reaches recall ≥ 0.97 at the same precision', async () => {
    const score = evaluate(alignPlans(plans, await readCurated('content/alignment.yml')), gold.pairs);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.97);
  });

  test('puts every task in at least one row', () => {
    const placed = new Set(alignment.groups.flatMap((g) => g.tasks));
    for (const plan of plans) for (const task of plan.tasks) expect(placed, task.id).toContain(task.id);
  });

  test('never puts two tasks of one plan in a row', () => {
    for (const g of alignment.groups) expect(new Set(g.tasks.map(planOf)).size, g.id).toBe(g.tasks.length);
  });

  test('lets 湘乡 task 1, which merges several sector campaigns, sit in several rows', () => {
    const rows = alignment.groups.filter((g) => g.tasks.includes('xiangxiang-1'));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.tasks.some((t) => /^yueyang-(7|8|9|10|11|12)$/.test(t))).toBe(true);
  });

  test('keeps 长宁 task 11 (international benchmark), which no other plan has, as a row of its own', () => {
    const rows = alignment.groups.filter((g) => g.tasks.includes('changning-11'));
    expect(rows.map((g) => g.tasks)).toEqual([['changning-11']]);
  });

  test('gives every member a score between 0 and 1 and every row a short title', () => {
    for (const g of alignment.groups) {
      expect(Object.keys(g.scores).sort()).toEqual([...g.tasks].sort());
      for (const s of Object.values(g.scores)) expect(s >= 0 && s <= 1).toBe(true);
      expect(g.title.length).toBeGreaterThan(1);
      expect(g.title.length).toBeLessThanOrEqual(20);
    }
  });

  test('scores fewer pairs than an exhaustive comparison', () => {
    expect(alignment.stats!.scoredPairs).toBeLessThan(alignment.stats!.allPairs);
  });
});
