/**
 * PDF task lists: time and size per PDF in one thread (every file of the
 * five real plans' catalog, each rendered once as a build worker does, then
 * again with its font subset cached), the cost of font subsetting, and the
 * build's files step (src/build/files.ts) on the synthetic corpus with one
 * worker and with one per core: wall time and throughput. `run(ctx)`
 * returns the record; run the file directly to print every PDF's numbers.
 *
 * Timings on a shared machine vary from run to run: the medians come with
 * their spread (10th–90th percentile), and the pool is timed `REPEAT` times,
 * alternating one worker and all of them.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext, BenchResults } from './lib/types.ts';
import { loadFileContext, filePath, createFilePool } from '../src/build/files.ts';
import { loadPlans } from '../src/load/plans.ts';
import { subsetFonts } from '../src/pdf/fonts.ts';
import { pdfFiles } from '../src/pdf/catalog.ts';
import { renderPdfFile } from '../src/pdf/index.ts';

interface PdfRecord {
  file: string;
  list: string;
  ms: number;
  cachedMs: number;
  bytes: number;
}

/** At most this many corpus plans go through the pool (a 1,000-plan corpus would take minutes). */
const POOL_PLANS = 100;
const REPEAT = 3;
const OPTIONS = { buildDate: '2026-11-23' };

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const spread = (values: number[], digits = 0) => `${quantile(values, 0.1).toFixed(digits)}–${quantile(values, 0.9).toFixed(digits)}`;

export async function run(ctx: Pick<BenchContext, 'root' | 'corpusDir' | 'fivePlansDir' | 'log'>): Promise<BenchResults> {
  const { records, ...results } = await measure(ctx);
  void records;
  return results;
}

async function measure(ctx: Pick<BenchContext, 'root' | 'corpusDir' | 'fivePlansDir' | 'log'>) {
  const dir = await mkdtemp(join(tmpdir(), 'planbook-bench-pdf-'));
  try {
    const single = await singleThread(ctx, dir);
    const pool = await poolRuns(ctx, dir);
    return { ...single.results, ...pool, records: single.records };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every PDF of the five plans rendered in this thread: first as a worker meets it, then with its subset cached. */
async function singleThread(ctx: Pick<BenchContext, 'root' | 'fivePlansDir' | 'log'>, dir: string) {
  const inputs = await inputsFor(ctx.root, ctx.fivePlansDir, join(ctx.fivePlansDir, '../progress'), dir, 'five');
  const context = await loadFileContext(inputs);
  const files = pdfFiles(context);

  // Subsetting: the first call loads both faces into harfbuzz; then each character set costs a subset of each face.
  let t = performance.now();
  await subsetFonts('安全', '安全');
  const firstSubsetMs = performance.now() - t;
  const plan = context.plans[0]!;
  t = performance.now();
  const one = await subsetFonts(JSON.stringify(plan.tasks), plan.title);
  const planSubsetMs = performance.now() - t;

  const records: PdfRecord[] = [];
  for (const file of files) {
    const s = performance.now();
    const bytes = await renderPdfFile(file, context, OPTIONS);
    records.push({ file: filePath(file), list: file.list, ms: performance.now() - s, cachedMs: 0, bytes: bytes.length });
  }
  for (const [i, file] of files.entries()) {
    const s = performance.now();
    await renderPdfFile(file, context, OPTIONS);
    records[i]!.cachedMs = performance.now() - s;
  }
  const kb = (n: number) => Math.round(n / 1024);
  const ms = records.map((r) => r.ms);
  const byList = (list: string) => records.filter((r) => r.list === list);
  ctx.log(`五个方案：${records.length} 个 PDF，${kb(records.reduce((n, r) => n + r.bytes, 0))} KB`);
  const results: BenchResults = {
    'subset, first call incl. font load (ms)': Math.round(firstSubsetMs),
    'subset, one plan’s characters (ms)': Number(planSubsetMs.toFixed(1)),
    'subset, one plan’s characters (KB)': kb(one.regular.length + one.bold.length),
    'PDFs of the five plans (count)': records.length,
    'per PDF, median (ms)': Number(quantile(ms, 0.5).toFixed(1)),
    'per PDF, 10th–90th percentile (ms)': spread(ms),
    'per PDF, cached subset, median (ms)': Number(quantile(records.map((r) => r.cachedMs), 0.5).toFixed(1)),
  };
  for (const list of ['plan', 'year', 'unit', 'progress']) {
    const rs = byList(list);
    if (rs.length === 0) continue;
    results[`${list} PDF, median (ms)`] = Number(quantile(rs.map((r) => r.ms), 0.5).toFixed(1));
    results[`${list} PDF, mean size (KB)`] = kb(rs.reduce((n, r) => n + r.bytes, 0) / rs.length);
  }
  results['all five plans’ PDFs, one thread (s)'] = Number((ms.reduce((a, b) => a + b, 0) / 1000).toFixed(2));
  return { results, records };
}

/** The build's files step on the corpus: one worker and one per core, alternating. */
async function poolRuns(ctx: Pick<BenchContext, 'root' | 'corpusDir' | 'log'>, dir: string): Promise<BenchResults> {
  const names = (await readdir(ctx.corpusDir)).filter((n) => n.endsWith('.md')).sort().slice(0, POOL_PLANS);
  const chosen = (await loadPlans(ctx.corpusDir)).plans.filter((p) => names.includes(`${p.id}.md`));
  const inputs = await inputsFor(ctx.root, null, join(dir, 'no-progress'), dir, 'corpus', chosen);
  const cores = availableParallelism();
  const walls: Record<'one' | 'all', number[]> = { one: [], all: [] };
  let files = 0;
  for (let i = 0; i < REPEAT; i++) {
    for (const which of ['one', 'all'] as const) {
      process.env.PLANBOOK_PDF_WORKERS = which === 'one' ? '1' : String(cores);
      const out = join(dir, `out-${which}-${i}`);
      const start = performance.now();
      try {
        files = (await createFilePool(out, inputs).render()).files;
      } finally {
        delete process.env.PLANBOOK_PDF_WORKERS;
      }
      walls[which].push((performance.now() - start) / 1000);
      await rm(out, { recursive: true, force: true });
    }
  }
  const median = (values: number[]) => quantile(values, 0.5);
  ctx.log(`语料 ${chosen.length} 个方案：${files} 个 PDF；${cores} 核`);
  return {
    'pool, corpus plans (count)': chosen.length,
    'pool, PDFs (count)': files,
    'pool, 1 worker, median (s)': Number(median(walls.one).toFixed(2)),
    'pool, 1 worker, range (s)': `${Math.min(...walls.one).toFixed(2)}–${Math.max(...walls.one).toFixed(2)}`,
    [`pool, ${cores} workers, median (s)`]: Number(median(walls.all).toFixed(2)),
    [`pool, ${cores} workers, range (s)`]: `${Math.min(...walls.all).toFixed(2)}–${Math.max(...walls.all).toFixed(2)}`,
    'pool, throughput (PDFs/s)': Number((files / median(walls.all)).toFixed(1)),
    'pool, speed-up over 1 worker (×)': Number((median(walls.one) / median(walls.all)).toFixed(2)),
  };
}

/** What the PDF step reads: the parsed plans as JSON (as the build writes them), templates from the project. */
async function inputsFor(root: string, plansDir: string | null, progress: string, dir: string, name: string, given?: Awaited<ReturnType<typeof loadPlans>>['plans']) {
  const plans = given ?? (await loadPlans(plansDir!)).plans;
  const parsed = join(dir, `${name}.json`);
  await writeFile(parsed, JSON.stringify(plans));
  return { root, parsed, progress, buildDate: OPTIONS.buildDate, cache: null };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(import.meta.dirname, '..');
  const ctx = { root, corpusDir: join(root, 'bench/corpus'), fivePlansDir: join(root, 'content/plans'), log: (line: string) => console.error(line) };
  const { records, ...results } = await measure(ctx);
  for (const r of records) console.log(`/${r.file}\t${r.ms.toFixed(1)} ms\t${r.cachedMs.toFixed(1)} ms（子集已缓存）\t${Math.round(r.bytes / 1024)} KB`);
  console.log(JSON.stringify(results, null, 2));
}
