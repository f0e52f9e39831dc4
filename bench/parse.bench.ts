/**
 * Parser throughput and memory: the five real plans (warmed up, then
 * repeated for at least a second), the synthetic corpus (every plan once,
 * with heap sampling), then the corpus again in a fresh process for peak
 * memory with all plans held. Reading files is not timed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePlan } from '../src/parse/index.ts';
import { runChild } from './lib/child.ts';
import { MB, repeat, round, withMemorySampling } from './lib/measure.ts';
import type { BenchContext, BenchResults } from './lib/types.ts';

interface Source {
  path: string;
  markdown: string;
}

async function readPlans(dir: string): Promise<Source[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(names.map(async (name) => ({ path: join(dir, name), markdown: await readFile(join(dir, name), 'utf8') })));
}

function parseAll(sources: Source[]): number {
  let tasks = 0;
  for (const source of sources) tasks += parsePlan(source.markdown, source.path).plan?.tasks.length ?? 0;
  return tasks;
}

export async function run(ctx: BenchContext): Promise<BenchResults> {
  const five = await readPlans(ctx.fivePlansDir);
  const corpus = await readPlans(ctx.corpusDir);
  const fiveTasks = parseAll(five);
  ctx.log(`五个方案：${five.length} 个方案，${fiveTasks} 项任务`);
  const fiveTime = await repeat(() => parseAll(five), { minRuns: 5, minMs: 1000, warmup: false });

  ctx.log(`语料：${corpus.length} 个方案`);
  const started = performance.now();
  let pause = 0;
  const sampled = await withMemorySampling(async () => {
    const plans = [];
    for (const [i, source] of corpus.entries()) {
      plans.push(parsePlan(source.markdown, source.path));
      if (i % 50 === 0) {
        const before = performance.now();
        await new Promise((resolve) => setImmediate(resolve)); // let the sampler run
        pause += performance.now() - before;
      }
    }
    return plans;
  });
  const corpusTime = { best: performance.now() - started - pause };
  const corpusTasks = sampled.result.reduce((sum, parsed) => sum + (parsed.plan?.tasks.length ?? 0), 0);
  ctx.log('语料：在新进程中测量内存峰值');
  const child = await runChild(join(ctx.root, 'bench/lib/parse-child.ts'), [ctx.corpusDir], ctx.root);

  const perSecond = (count: number, ms: number) => round((count * 1000) / ms);
  return {
    'five plans: size (plans)': five.length,
    'five plans: size (tasks)': fiveTasks,
    'five plans parse (ms)': round(fiveTime.best),
    'five plans parse (plans/s)': perSecond(five.length, fiveTime.best),
    'five plans parse (tasks/s)': perSecond(fiveTasks, fiveTime.best),
    'corpus: size (plans)': corpus.length,
    'corpus: size (tasks)': corpusTasks,
    'corpus parse (s)': round(corpusTime.best / 1000),
    'corpus parse (plans/s)': perSecond(corpus.length, corpusTime.best),
    'corpus parse (tasks/s)': perSecond(corpusTasks, corpusTime.best),
    'corpus parse, in process: heap high-water (MB)': round(sampled.heapPeak / MB),
    'corpus parse, fresh process: heap high-water (MB)': round((child.heapPeakKb ?? 0) / 1024),
    'corpus parse, fresh process: peak RSS (MB)': round((child.maxRssKb ?? 0) / 1024),
  };
}
