/**
 * Plans written the way other offices write them (test/fixtures/shapes/<case>/input.txt):
 * each imports, checks clean, and reads as expected.md (the content Markdown)
 * and expected.json (what staff read off it: actions, tasks, units, deadlines
 * with the day each is due by, recurrence).
 * A missing expected file fails the test; `UPDATE=1` writes it (review the diff).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importPlan } from '../../../src/import/index.ts';
import { parsePlan } from '../../../src/parse/index.ts';
import type { Plan } from '../../../src/model/schema.ts';
import { statedDeadlines } from '../../../src/progress/deadlines.ts';

const root = 'test/fixtures/shapes';

export function readOff(plan: Plan) {
  return {
    front: { name: plan.name, title: plan.title, jurisdiction: plan.jurisdiction, level: plan.level, issuer: plan.issuer, docNumber: plan.docNumber, issuedOn: plan.issuedOn, period: plan.period },
    actions: plan.actions.map((a) => `${a.ordinal}${a.title}: ${a.tasks.join(',')}`),
    tasks: plan.tasks.map((t) => ({
      label: t.label,
      title: t.title,
      units: t.units.map((u) => `${u.role}:${u.name}`),
      deadline: t.deadlineExplicit ? t.milestones.map((m) => `${m.year}${m.month ? `-${m.month}` : ''}`).join(',') : null,
      // Each stated deadline as the pages, lists and calendars show it, and the day it is due by.
      due: statedDeadlines(t).map((d) => `${d.phrase} → ${d.date}${d.exact ? '' : '（不确切）'}`),
      recurrence: t.recurrence,
      ...(t.ongoing ? { ongoing: true } : {}),
    })),
  };
}

function expectFile(file: string, actual: string): void {
  if (process.env.UPDATE) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`缺少 ${file}：用 UPDATE=1 生成并审阅`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('importing plans of other shapes', () => {
  for (const name of readdirSync(root).sort()) {
    test(`${name} imports, checks clean and reads as expected`, () => {
      const input = readFileSync(join(root, name, 'input.txt'));
      const imported = importPlan(new Uint8Array(input), { id: name, path: `${name}.txt` });
      const errors = imported.messages.filter((m) => m.severity === 'error');
      expect(errors).toEqual([]);
      expectFile(join(root, name, 'expected.md'), imported.markdown!);
      const { plan, messages } = parsePlan(imported.markdown!, `content/plans/${name}.md`);
      expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
      expectFile(join(root, name, 'expected.json'), `${JSON.stringify(readOff(plan!), null, 1)}\n`);
    });
  }
});
