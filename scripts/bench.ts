#!/usr/bin/env node
/**
 * `npm run bench [-- 名称…] [--plans 1000] [--from content/plans …]`: make the
 * synthetic corpus if it is missing or stale (from the five plans, or from
 * the folders given: `--from content/plans --from test/fixtures/shapes` mixes
 * in the plans other offices wrote, see scripts/corpus.ts), run every bench/*.bench.ts (or those named), print a
 * table with units, and save bench/out/latest.json. The run before is kept as
 * bench/out/previous.json and each number is compared with it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isCorpusCurrent, readSourceFolders, writeCorpus } from '../src/corpus/files.ts';
import { writeFileAtomic } from '../src/export/write-atomic.ts';
import { formatTable, type BenchRun } from '../bench/lib/report.ts';
import type { BenchContext, BenchModule } from '../bench/lib/types.ts';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  options: { plans: { type: 'string', default: '1000' }, from: { type: 'string', multiple: true, default: ['content/plans'] } },
  allowPositionals: true,
});
const count = Number(values.plans);
const ctx: BenchContext = {
  root,
  corpusDir: join(root, 'bench/corpus'),
  fivePlansDir: join(root, 'content/plans'),
  log: (line) => process.stderr.write(`  ${line}\n`),
};

let sources: Awaited<ReturnType<typeof readSourceFolders>>;
try {
  sources = await readSourceFolders(values.from!.map((dir) => resolve(root, dir)));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
if (!(await isCorpusCurrent(ctx.corpusDir, sources, count))) {
  process.stderr.write(`生成语料：${count} 个方案 → bench/corpus\n`);
  await writeCorpus(ctx.corpusDir, sources, count);
}

const names = (await readdir(join(root, 'bench')))
  .filter((name) => name.endsWith('.bench.ts'))
  .map((name) => name.slice(0, -'.bench.ts'.length))
  .filter((name) => positionals.length === 0 || positionals.includes(name))
  .sort();
if (names.length === 0) {
  process.stderr.write(`没有找到要运行的测试：${positionals.join('、') || 'bench/*.bench.ts'}\n`);
  process.exit(1);
}

const run: BenchRun = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpus: availableParallelism(),
  results: {},
};
let failed = false;
for (const name of names) {
  process.stderr.write(`${name}\n`);
  const started = performance.now();
  try {
    const module = (await import(pathToFileURL(join(root, 'bench', `${name}.bench.ts`)).href)) as BenchModule;
    run.results[name] = { ...(await module.run(ctx)), 'wall time (s)': Number(((performance.now() - started) / 1000).toFixed(1)) };
  } catch (error) {
    failed = true;
    run.results[name] = { error: error instanceof Error ? error.message : String(error) };
    process.stderr.write(`  失败：${run.results[name].error}\n`);
  }
}

const out = join(root, 'bench/out');
await mkdir(out, { recursive: true });
const latest = join(out, 'latest.json');
const previousPath = join(out, 'previous.json');
if (existsSync(latest)) await rename(latest, previousPath);
const previous = existsSync(previousPath) ? (JSON.parse(await readFile(previousPath, 'utf8')) as BenchRun) : null;
await writeFileAtomic(latest, `${JSON.stringify(run, null, 2)}\n`);

process.stdout.write(`\n${formatTable(run, previous)}\n\n`);
process.stdout.write(`Node ${run.node}，${run.platform}，${run.cpus} 核。结果已写入 bench/out/latest.json\n`);
process.exitCode = failed ? 1 : 0;
