/**
 * Child process for bench/parse.bench.ts: read and parse every plan in a
 * folder, keep all plans in memory (as the site build does), then report
 * counts, heap high-water and peak RSS as one JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../src/parse/index.ts';

const dir = process.argv[2]!;
const names = readdirSync(dir).filter((name) => name.endsWith('.md'));
const plans = [];
let heapPeak = 0;
const start = performance.now();
for (const name of names) {
  const { plan } = parsePlan(readFileSync(join(dir, name), 'utf8'), join(dir, name));
  plans.push(plan);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}
const ms = performance.now() - start;
const tasks = plans.reduce((sum, plan) => sum + (plan?.tasks.length ?? 0), 0);
process.stdout.write(
  `${JSON.stringify({ plans: plans.length, tasks, ms, heapPeakKb: heapPeak / 1024, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
