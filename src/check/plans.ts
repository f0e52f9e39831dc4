/**
 * Checks across the parsed plans that the parser, one file at a time, cannot
 * make: a period the site could not sensibly build (a year PDF per year), and
 * ids whose generated addresses collide with another plan's:
 *
 * ```text
 * content/plans/yueyang-2024.md:2:5: 错误 方案 id “yueyang-2024”生成的 /pdf/yueyang-2024.pdf 与 content/plans/yueyang.md 的 2024 年任务清单相同 (plan-id-collision)
 * ```
 */
import type { Message, Plan } from '../model/schema.ts';
import { planYears } from '../site/format.ts';
import { planHref, planPdfHref, planYearPdfHref } from '../site/urls.ts';
import { RULES, type RuleId } from './rules.ts';

export const PERIOD = { first: 2000, last: 2100, maxYears: 10 } as const;

/** Line and column of a front-matter key (`id:`, `period:`) in the raw file, 1:1 when absent. */
export function keyPlace(markdown: string, key: string): { line: number; column: number } {
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length && i < 200; i++) {
    const match = new RegExp(`^${key}\\s*:\\s*`).exec(lines[i]!);
    if (match) return { line: i + 1, column: match[0].length + 1 };
    if (i > 0 && lines[i]!.trimEnd() === '---') break;
  }
  return { line: 1, column: 1 };
}

export interface SourcedPlan {
  plan: Plan;
  markdown: string;
}

export function checkPlans(sourced: readonly SourcedPlan[]): Message[] {
  const messages: Message[] = [];
  const error = (s: SourcedPlan, key: string, rule: RuleId, message: string): void => {
    messages.push({ file: s.plan.path, ...keyPlace(s.markdown, key), severity: 'error', rule, message, hint: RULES[rule].hint });
  };
  const owners = new Map<string, { source: SourcedPlan; what: string }>();
  const valid = sourced.filter((s) => {
    const [start, end] = s.plan.period;
    const ok = start >= PERIOD.first && end <= PERIOD.last && start <= end && end - start + 1 <= PERIOD.maxYears;
    if (!ok) {
      error(s, 'period', 'period-out-of-range',
        `实施期 ${start}—${end} 年超出范围：年份应在 ${PERIOD.first}—${PERIOD.last} 之间，跨度 1—${PERIOD.maxYears} 年`);
    }
    return ok;
  });
  // Plan addresses first, then the per-year ones, so the plan whose own id collides is the one blamed.
  for (const s of valid) {
    for (const href of [planHref(s.plan.id), planPdfHref(s.plan.id)]) claim(href, s, '任务清单');
  }
  for (const s of valid) {
    for (const year of planYears(s.plan)) claim(planYearPdfHref(s.plan.id, year), s, `${year} 年任务清单`);
  }
  return messages;

  function claim(href: string, source: SourcedPlan, what: string): void {
    const owner = owners.get(href);
    if (!owner) return void owners.set(href, { source, what });
    if (owner.source.plan.id === source.plan.id) return; // duplicate-plan-id reports that one
    const [blamed, other] = owner.what === '任务清单' ? [owner.source, { source, what }] : [source, owner];
    error(blamed, 'id', 'plan-id-collision',
      `方案 id “${blamed.plan.id}”生成的 ${href} 与 ${other.source.plan.path} 的${other.what}相同`);
  }
}
