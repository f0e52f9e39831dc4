/**
 * Alignment cost: the five real plans (repeated for at least a second) and
 * the synthetic corpus of 1,000 plans (once), with the number of pairs the
 * candidate index let through against the pairs an exhaustive comparison
 * would score.
 */
import { loadPlans } from '../src/load/plans.ts';
import { alignPlans } from '../src/align/index.ts';
import { repeat, round } from './lib/measure.ts';
import type { BenchContext, BenchResults } from './lib/types.ts';

export async function run(ctx: BenchContext): Promise<BenchResults> {
  const five = (await loadPlans(ctx.fivePlansDir)).plans;
  const fiveStats = alignPlans(five).stats!;
  const fiveTime = await repeat(() => alignPlans(five), { minRuns: 5, minMs: 1000 });
  ctx.log(`五个方案：${fiveStats.tasks} 项任务，候选 ${fiveStats.scoredPairs} / 全部 ${fiveStats.allPairs} 对`);

  const corpus = (await loadPlans(ctx.corpusDir)).plans;
  const started = performance.now();
  const alignment = alignPlans(corpus);
  const corpusMs = performance.now() - started;
  const stats = alignment.stats!;
  ctx.log(`语料：${corpus.length} 个方案，${stats.tasks} 项任务，${alignment.groups.length} 行，候选 ${stats.scoredPairs} / 全部 ${stats.allPairs} 对`);
  return {
    'five plans align (ms)': round(fiveTime.best),
    'five plans scored pairs (pairs)': fiveStats.scoredPairs,
    'five plans all pairs (pairs)': fiveStats.allPairs,
    'corpus plans (plans)': corpus.length,
    'corpus tasks (tasks)': stats.tasks,
    'corpus align (s)': round(corpusMs / 1000),
    'corpus scored pairs (pairs)': stats.scoredPairs,
    'corpus all pairs (pairs)': stats.allPairs,
    'corpus scored share (%)': Math.round((100_000 * stats.scoredPairs) / stats.allPairs) / 1000,
    'corpus rows (rows)': alignment.groups.length,
  };
}
