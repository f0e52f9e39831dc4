/**
 * One fuzz case: a seed picks a seed plan and a mutation. Its mutant goes
 * through what a user runs — the project gate (`checkProject`, as `planbook
 * check` and the build run it) and, when that passes, what the build makes
 * of a plan beyond its pages: the checklist PDFs and the exports. Raw texts
 * go through the importer, and what it writes must pass the gate.
 *
 * A case fails on an exception, a message without a position, a message not
 * in Chinese, a rule id outside the catalog, or output that fails after the
 * gate passed.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkProject } from '../../src/check/project.ts';
import { isRuleId } from '../../src/check/rules.ts';
import { importPlan } from '../../src/import/index.ts';
import { parsePlan } from '../../src/parse/index.ts';
import { planPdf, planYears, unitPdf, yearPdf } from '../../src/pdf/index.ts';
import { toPlansJson, toTasksCsv, toTasksXlsx } from '../../src/export/index.ts';
import type { Message } from '../../src/model/schema.ts';
import { mutate } from './mutate.ts';

const root = join(import.meta.dirname, '../..');
const planFiles = readdirSync(join(root, 'content/plans')).filter((f) => f.endsWith('.md')).sort();
const rawFiles = readdirSync(join(root, 'test/fixtures/import/plans')).filter((f) => f.endsWith('.txt')).sort();
const CJK = /[\u4e00-\u9fff]/;
const options = { buildDate: '2026-01-01' };

/** How the mutants fared, so a run shows the mutations reach both outcomes. */
export const outcomes = { planRefused: 0, planBuilt: 0, importRefused: 0, importWritten: 0 };

export interface FuzzFailure {
  seed: number;
  file: string;
  how: number;
  problem: string;
}

function messageProblems(messages: Message[]): string[] {
  return messages.flatMap((m) => {
    const problems: string[] = [];
    if (!(m.line >= 1 && m.column >= 1)) problems.push(`no position: ${m.rule} ${m.message}`);
    if (!CJK.test(m.message) || !CJK.test(m.hint ?? '')) problems.push(`not Chinese: ${m.rule} ${m.message} / ${m.hint}`);
    if (!isRuleId(m.rule)) problems.push(`rule not in the catalog: ${m.rule}`);
    return problems;
  });
}

/** A mutated plan file among the other seed plans, through the gate and, if it passes, the PDFs and exports. */
export async function fuzzPlan(seed: number): Promise<FuzzFailure[]> {
  const file = planFiles[seed % planFiles.length]!;
  const { text, how } = mutate(readFileSync(join(root, 'content/plans', file), 'utf8'), seed);
  const dir = mkdtempSync(join(tmpdir(), 'planbook-fuzz-'));
  const fail = (problem: string): FuzzFailure => ({ seed, file, how, problem });
  try {
    mkdirSync(join(dir, 'plans'));
    for (const other of planFiles) writeFileSync(join(dir, 'plans', other), other === file ? text : readFileSync(join(root, 'content/plans', other)));
    const checked = await checkProject({ root: dir, plans: planFiles.map((f) => `plans/${f}`), templates: join(root, 'templates') });
    const failures = messageProblems(checked.messages).map(fail);
    if (checked.messages.some((m) => m.severity === 'error')) {
      outcomes.planRefused++;
      return failures;
    }
    outcomes.planBuilt++;
    const plan = checked.plans.find((p) => p.path === `plans/${file}`);
    if (!plan) return [...failures, fail('the gate passed but the plan is missing')];
    try {
      const list = (kind: string) => checked.templates!.checklists.get(kind)!;
      await planPdf(plan, list('plan'), options);
      for (const year of planYears(plan)) await yearPdf(plan, year, list('year'), options);
      for (const name of [...new Set(plan.tasks.flatMap((t) => t.units.map((u) => u.name)))].slice(0, 3)) await unitPdf(name, checked.plans, list('unit'), options);
      toPlansJson(checked.plans);
      toTasksCsv(checked.plans);
      await toTasksXlsx(checked.plans);
    } catch (error) {
      failures.push(fail(`the gate passed, then the output failed: ${(error as Error).stack}`));
    }
    return failures;
  } catch (error) {
    return [fail(`exception: ${(error as Error).stack}`)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A mutated raw text through the importer: what it writes must pass the parser without errors. */
export function fuzzImport(seed: number): FuzzFailure[] {
  const file = rawFiles[seed % rawFiles.length]!;
  const { text, how } = mutate(readFileSync(join(root, 'test/fixtures/import/plans', file), 'utf8'), seed);
  const fail = (problem: string): FuzzFailure => ({ seed, file, how, problem });
  const id = file.replace(/\.txt$/, '');
  try {
    const result = importPlan(new TextEncoder().encode(text), { id, path: file });
    const failures = messageProblems(result.messages).map(fail);
    if (result.markdown === null) {
      outcomes.importRefused++;
      if (!result.messages.some((m) => m.severity === 'error')) failures.push(fail('no output and no error'));
      return failures;
    }
    outcomes.importWritten++;
    const parsed = parsePlan(result.markdown, `${id}.md`);
    for (const m of parsed.messages.filter((m) => m.severity === 'error')) failures.push(fail(`import wrote what check rejects: ${m.rule} ${m.message}`));
    return failures;
  } catch (error) {
    return [fail(`exception: ${(error as Error).stack}`)];
  }
}
