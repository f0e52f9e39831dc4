/**
 * `loadPlans(dir)`: reads every `<id>.md` in `dir` and parses it. This is
 * where the file system is touched; everything downstream takes the plans.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Message, Plan } from '../model/schema.ts';
import { parsePlan } from '../parse/index.ts';

export interface LoadedPlans {
  /** Plans that could be built, in file-name order. */
  plans: Plan[];
  /** Every message about the content, errors and warnings, file by file. */
  messages: Message[];
}

export async function loadPlans(dir = 'content/plans'): Promise<LoadedPlans> {
  const plans: Plan[] = [];
  const messages: Message[] = [];
  for (const path of await listPlanFiles(dir)) {
    const result = parsePlan(await readFile(path, 'utf8'), path);
    for (const item of result.messages) messages.push(item);
    if (result.plan) plans.push(result.plan);
  }
  for (const item of duplicateIds(plans)) messages.push(item);
  return { plans, messages };
}

/** Two files declaring the same id would publish to the same pages. */
export function duplicateIds(plans: Plan[]): Message[] {
  const first = new Map<string, string>();
  const out: Message[] = [];
  for (const plan of plans) {
    const earlier = first.get(plan.id);
    if (earlier) {
      out.push({ file: plan.path, line: 2, column: 1, severity: 'error', rule: 'duplicate-plan-id',
        message: `方案 id “${plan.id}”与 ${earlier} 重复`, hint: '每个方案的 id 必须唯一，并与文件名一致。' });
    } else first.set(plan.id, plan.path);
  }
  return out;
}

/** The plan files of `dir` (`*.md`), sorted by name: what `planbook check` reads when given no files. */
export async function listPlanFiles(dir = 'content/plans'): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.md')).sort().map((name) => join(dir, name));
  } catch (cause) {
    throw new Error(`无法读取方案目录 ${dir}`, { cause });
  }
}
