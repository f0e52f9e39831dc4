#!/usr/bin/env node
/**
 * Generate the synthetic benchmark corpus from content/plans/*.md:
 * `node scripts/corpus.ts [--plans 1000] [--out bench/corpus] [--seed N] [--restart 0] [--from content/plans …]`.
 * `--restart 0.2` makes a fifth of the plans restart task numbers per action (the parser reports those).
 * `--from` may be given more than once: `--from content/plans --from test/fixtures/shapes` mixes in
 * the plans other offices wrote (numbered 1、 or （1）, units in an annex table, 工作要点 …).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, type SourcePlan } from '../src/corpus/index.ts';
import { readSourceFolders, writeCorpus } from '../src/corpus/files.ts';

const { values } = parseArgs({
  options: {
    plans: { type: 'string', default: '1000' },
    out: { type: 'string', default: 'bench/corpus' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    from: { type: 'string', multiple: true, default: ['content/plans'] },
    restart: { type: 'string', default: '0' },
  },
});
const count = Number(values.plans);
const seed = Number(values.seed);
const restart = Number(values.restart);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || !(restart >= 0 && restart <= 1)) {
  process.stderr.write('用法：node scripts/corpus.ts [--plans 1000] [--out bench/corpus] [--seed 整数] [--restart 0–1] [--from content/plans …]\n');
  process.exit(1);
}
let sources: SourcePlan[];
try {
  sources = await readSourceFolders(values.from!);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
const started = performance.now();
const { tasks } = await writeCorpus(values.out!, sources, count, { seed, restart });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`已生成 ${count} 个方案（约 ${tasks} 项任务）到 ${values.out}，用时 ${seconds} 秒\n`);
