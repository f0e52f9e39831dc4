/**
 * The five seed plans are the product's first content: whatever changes in
 * the importer or the parser, their Markdown and their model stay as they are.
 * `UPDATE=1` rewrites the digests (review the diff: only a justified change
 * to a seed plan's result may land).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importPlan } from '../../src/import/index.ts';
import { parsePlan } from '../../src/parse/index.ts';
import type { Plan } from '../../src/model/schema.ts';

const IDS = ['yueyang', 'miaohang', 'changning', 'xiangxiang', 'puxinglu'];

/** What staff read off a plan: every task's place, title, units and deadlines. */
function digest(plan: Plan) {
  return {
    front: { name: plan.name, title: plan.title, jurisdiction: plan.jurisdiction, level: plan.level, issuer: plan.issuer, docNumber: plan.docNumber, issuedOn: plan.issuedOn, period: plan.period },
    actions: plan.actions.map((a) => `${a.series ?? ''}${a.ordinal}${a.title}: ${a.tasks.join(',')}`),
    tasks: plan.tasks.map((t) => ({
      number: t.number,
      action: t.action,
      title: t.title,
      units: t.units.map((u) => `${u.role}:${u.name}`),
      deadline: `${t.deadlineYear}${t.deadlineExplicit ? '' : '?'}`,
      milestones: t.milestones.map((m) => `${m.year}${m.month ? `-${m.month}` : ''}${m.qualifier}`),
    })),
    lead: plan.lead?.name ?? null,
  };
}

describe('the five seed plans', () => {
  for (const id of IDS) {
    test(`import ${id}.txt to exactly content/plans/${id}.md`, () => {
      const raw = readFileSync(`test/fixtures/import/plans/${id}.txt`);
      const { markdown } = importPlan(new Uint8Array(raw), { id, path: `${id}.txt` });
      expect(markdown).toBe(readFileSync(`content/plans/${id}.md`, 'utf8'));
    });

    test(`parse ${id} to the same tasks, units and deadlines`, () => {
      const { plan } = parsePlan(readFileSync(`content/plans/${id}.md`, 'utf8'), `content/plans/${id}.md`);
      const file = `test/fixtures/seed/${id}.json`;
      const got = digest(plan!);
      if (process.env.UPDATE) writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`);
      if (!existsSync(file)) throw new Error(`缺少 ${file}：用 UPDATE=1 生成并审阅`);
      expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
