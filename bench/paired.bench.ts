/**
 * Paired runs against a baseline in the same run (`npm run bench -- paired`):
 * for each corpus size, planbook's `npm run build` and a bare Astro site of
 * the same pages from the same parsed plans plus the Pagefind CLI
 * (bench/bare), alternating, each in a fresh process. Reports medians with
 * their spread (min–max), planbook ÷ bare per stage and in total, peak RSS
 * per program, bytes per page type, and growth between sizes as exponents.
 * planbook builds with a PDF cache of the bench's own, emptied for each
 * size: its first build renders every PDF (reported as the first pair), the
 * others take them from the cache, as rebuilds of unchanged content do. Then
 * one task of one plan is reworded and planbook builds once more: the
 * rebuild after an edit, against the bare build's median.
 *
 * PLANBOOK_BENCH_PAIRED: sizes, default `5,20` (the five plans count as 5;
 * larger sizes take the first N corpus plans); the issue's figures use
 * `20,100,300`. PLANBOOK_BENCH_RUNS: pairs per size, default 3.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { watchPeaks, type Peaks } from '../src/build/peaks.ts';
import { FILTERS } from '../src/search/record.ts';
import { facetPath } from '../src/search/shards.ts';
import { firstQuery, taskPage } from './lib/first-query.ts';
import type { BenchContext, BenchResults } from './lib/types.ts';

interface Run {
  wall: number;
  stages: Record<string, number>;
  peaks: Peaks;
  /** planbook only: checklist PDFs and data files, and how many came from the cache. */
  pdfs?: { all: number; cached: number; data: number; dataCached: number };
}

export async function run(ctx: BenchContext): Promise<BenchResults> {
  const sizes = (process.env.PLANBOOK_BENCH_PAIRED ?? '5,20').split(',').map(Number);
  const runs = Number(process.env.PLANBOOK_BENCH_RUNS ?? 3);
  const out = join(ctx.root, 'bench/out/paired');
  const results: BenchResults = {};
  const totals: { size: number; planbook: number; bare: number; taskPage: number; query: number }[] = [];
  for (const size of sizes) {
    const content = await contentFor(ctx, out, size);
    const planbookOut = join(out, `planbook-${size}`);
    const bareOut = join(out, `bare-${size}`);
    // A PDF cache of the bench's own, emptied: the first planbook build of each size renders every PDF, the next take them from it.
    const pdfCache = join(out, `pdf-cache-${size}`);
    await rm(pdfCache, { recursive: true, force: true });
    const planbook: Run[] = [];
    const bare: Run[] = [];
    for (let i = 0; i < runs; i++) {
      ctx.log(`${size} 个方案：第 ${i + 1}/${runs} 对`);
      planbook.push(await planbookBuild(ctx, content, planbookOut, pdfCache));
      ctx.log(`  planbook ${runText(planbook.at(-1)!)}`);
      if (i === 0) await writeFile(join(out, `pages-${size}.txt`), (await htmlPages(planbookOut)).join('\n'));
      bare.push(await bareBuild(ctx, content, join(out, `pages-${size}.txt`), bareOut));
    }
    // A rebuild after editing one plan: one task of the first plan reworded.
    await editOnePlan(content);
    const edited = await planbookBuild(ctx, content, planbookOut, pdfCache);
    const p = `${size} plans`;
    const pTotal = spread(planbook.map((r) => r.wall));
    const bTotal = spread(bare.map((r) => r.wall));
    const pAstro = spread(planbook.map((r) => r.stages.astro ?? 0));
    const bAstro = spread(bare.map((r) => r.stages.astro ?? 0));
    const pSearch = spread(planbook.map((r) => r.stages.search ?? 0));
    const bSearch = spread(bare.map((r) => r.stages.pagefind ?? 0));
    Object.assign(results, {
      [`${p}: planbook build (s)`]: pTotal.text,
      [`${p}: bare astro + pagefind (s)`]: bTotal.text,
      [`${p}: total planbook ÷ bare (×)`]: ratio(pTotal.median, bTotal.median),
      [`${p}: astro planbook ÷ bare (×)`]: ratio(pAstro.median, bAstro.median),
      [`${p}: search planbook ÷ bare pagefind (×)`]: ratio(pSearch.median, bSearch.median),
      // The first pair on its own: with an empty cache its planbook build renders every PDF.
      [`${p}: first pair, planbook ÷ bare (×)`]: `${ratio(planbook[0]!.wall, bare[0]!.wall)}（PDF ${planbook[0]!.pdfs!.all - planbook[0]!.pdfs!.cached} 个渲染，${planbook[0]!.pdfs!.cached} 个取自缓存）`,
      [`${p}: rebuild after editing one plan, planbook ÷ bare median (×)`]: `${ratio(edited.wall, bTotal.median)}（PDF ${edited.pdfs!.all - edited.pdfs!.cached} 个渲染，${edited.pdfs!.cached} 个取自缓存；数据文件 ${edited.pdfs!.data - edited.pdfs!.dataCached} 个重写）`,
      [`${p}: planbook stages, median (s)`]: stagesText(Object.keys(planbook[0]!.stages).map((k) => [k, median(planbook.map((r) => r.stages[k] ?? 0))])),
      [`${p}: planbook peak RSS per program (MB)`]: peaksText(planbook),
      [`${p}: bare peak RSS per program (MB)`]: peaksText(bare),
    });
    const weights = await pageWeights(planbookOut);
    for (const [kind, kb] of Object.entries(weights)) results[`${p}: ${kind} (KB)`] = kb;
    const visitor = await visitorDownloads(planbookOut);
    Object.assign(results, Object.fromEntries(Object.entries(visitor).map(([k, v]) => [`${p}: ${k}`, v])));
    totals.push({ size, planbook: pTotal.median, bare: bTotal.median, taskPage: weights['task page, mean'] ?? 0, query: Number(visitor['first query download (KB)'] ?? 0) });
  }
  for (let i = 1; i < totals.length; i++) {
    const [a, b] = [totals[i - 1]!, totals[i]!];
    const exp = (x: number, y: number) => Number((Math.log(y / x) / Math.log(b.size / a.size)).toFixed(2));
    results[`growth ${a.size}→${b.size}: planbook build (exponent)`] = exp(a.planbook, b.planbook);
    results[`growth ${a.size}→${b.size}: bare build (exponent)`] = exp(a.bare, b.bare);
    results[`growth ${a.size}→${b.size}: task page bytes (exponent)`] = exp(a.taskPage, b.taskPage);
    results[`growth ${a.size}→${b.size}: first query download (exponent)`] = exp(a.query, b.query);
  }
  return results;
}

/** A copy of the plans of this size (the five plans count as 5), which the edited rebuild may change. */
async function contentFor(ctx: BenchContext, out: string, size: number): Promise<string> {
  const dir = join(out, `content-${size}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const from = size === 5 ? ctx.fivePlansDir : ctx.corpusDir;
  const names = (await readdir(from)).filter((n) => n.endsWith('.md')).sort().slice(0, size);
  for (const name of names) await cp(join(from, name), join(dir, name));
  return dir;
}

function child(ctx: BenchContext, args: string[], env: Record<string, string>): Promise<{ wall: number; stdout: string; peaks: Peaks }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const proc = execFile(process.execPath, args, { cwd: ctx.root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const peaks = watch.stop();
      if (error) reject(new Error(`${args.join(' ')} 失败：${String(stderr).trim().split('\n').slice(-3).join(' ')}`));
      else resolve({ wall: performance.now() - start, stdout: String(stdout), peaks });
    });
    const watch = watchPeaks(proc.pid!);
  });
}

async function planbookBuild(ctx: BenchContext, content: string, dist: string, pdfCache: string): Promise<Run> {
  const timings = `${dist}.timings.json`;
  const done = await child(ctx, ['scripts/build.ts'], { PLANBOOK_CONTENT: content, PLANBOOK_OUT: dist, PLANBOOK_TIMINGS: timings, PLANBOOK_PDF_CACHE: pdfCache });
  const t = JSON.parse(await readFile(timings, 'utf8')) as Record<string, number>;
  const stages = Object.fromEntries(['check', 'astro', 'files', 'search', 'sizes', 'links', 'install'].map((k) => [k, t[k] ?? 0]));
  return { wall: done.wall, stages, peaks: done.peaks, pdfs: { all: t.pdfs ?? 0, cached: t.pdfsCached ?? 0, data: t.dataFiles ?? 0, dataCached: t.dataCached ?? 0 } };
}

/** Stages and their milliseconds as seconds: `check 0.5，astro 3.1，…`. */
function stagesText(stages: [string, number][]): string {
  return stages.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`).join('，');
}

/** One planbook build, as the log shows it: wall time, stages, and what the files step copied. */
function runText(run: Run): string {
  const stages = stagesText(Object.entries(run.stages));
  const files = run.pdfs ? `；PDF ${run.pdfs.cached}/${run.pdfs.all}、数据文件 ${run.pdfs.dataCached}/${run.pdfs.data} 取自缓存` : '';
  return `${(run.wall / 1000).toFixed(1)} s（${stages}${files}）`;
}

/** Rewords the first task of the first plan of `content` (the bench's own copy). */
async function editOnePlan(content: string): Promise<void> {
  const name = (await readdir(content)).filter((n) => n.endsWith('.md')).sort()[0]!;
  const text = await readFile(join(content, name), 'utf8');
  const edited = text.replace(/^(\d+[.、]\s*\S.*?)([。；]?)$/mu, '$1（本年度内完成复核）$2');
  if (edited === text) throw new Error(`${name} 中没有可改写的任务`);
  await writeFile(join(content, name), edited);
}

async function bareBuild(ctx: BenchContext, content: string, pages: string, dist: string): Promise<Run> {
  await rm(dist, { recursive: true, force: true });
  const cache = join(ctx.root, 'bench/out/bare-cache');
  const done = await child(ctx, ['bench/bare/build.ts'], { BARE_CONTENT: content, BARE_PAGES: pages, BARE_OUT: dist, BARE_CACHE: cache });
  const stages = JSON.parse(done.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
  return { wall: done.wall, stages, peaks: done.peaks };
}

async function htmlPages(dist: string): Promise<string[]> {
  return (await readdir(dist, { recursive: true })).filter((p) => p.endsWith('.html')).sort();
}

/** Mean bytes per page type, and the largest pages a visitor may open. */
async function pageWeights(dist: string): Promise<Record<string, number>> {
  const kinds: Record<string, RegExp> = { 'task page, mean': /^plans\/[^/]+\/tasks\/\d+\/index\.html$/, 'plan page, mean': /^plans\/[^/]+\/index\.html$/, 'unit page, mean': /^units\/[^/]+\/index\.html$/, 'pair page, mean': /^compare\/[^/]+\/[^/]+\/index\.html$/ };
  const sums = Object.fromEntries(Object.keys(kinds).map((k) => [k, { bytes: 0, count: 0 }]));
  for (const page of await htmlPages(dist)) {
    for (const [kind, re] of Object.entries(kinds)) {
      if (!re.test(page)) continue;
      sums[kind]!.bytes += (await stat(join(dist, page))).size;
      sums[kind]!.count++;
    }
  }
  const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
  const result = Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, kb(s.count > 0 ? s.bytes / s.count : 0)]));
  for (const file of ['compare/index.html', 'search/index.json', ...FILTERS.map(facetPath)]) {
    const size = await stat(join(dist, file)).then((s) => s.size, () => null);
    if (size !== null) result[file] = kb(size);
  }
  return result;
}

/** The first search (a common and a rare query) and one task page, as Chromium downloads them. */
async function visitorDownloads(dist: string): Promise<Record<string, number | string>> {
  const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
  const common = await firstQuery(dist, '重大事故隐患');
  const rare = await firstQuery(dist, '安康杯');
  const task = (await htmlPages(dist)).find((p) => /^plans\/[^/]+\/tasks\/\d+\/index\.html$/.test(p))!;
  const opened = await taskPage(dist, `/${task.replace(/index\.html$/, '')}`);
  return {
    'first query download (KB)': kb(common.bytes),
    'first query requests (n)': common.requests,
    'first query largest file': `${common.largest.path} ${kb(common.largest.bytes)} KB`,
    'rare query download (KB)': kb(rare.bytes),
    'task page download (KB)': kb(opened.bytes),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median and range, in seconds: `9.8 (9.5–10.4)`. */
function spread(ms: number[]): { median: number; text: string } {
  const s = (v: number) => (v / 1000).toFixed(1);
  return { median: median(ms), text: `${s(median(ms))} (${s(Math.min(...ms))}–${s(Math.max(...ms))})` };
}

function ratio(a: number, b: number): number {
  return Number((a / b).toFixed(2));
}

function peaksText(runs: Run[]): string {
  const names = new Set(runs.flatMap((r) => [...r.peaks.each.keys()]));
  if (names.size === 0) return '（本系统无 /proc，未测）';
  const each = [...names].map((n) => [n, Math.max(...runs.map((r) => r.peaks.each.get(n) ?? 0))] as const);
  // The sum of each program's peak bounds the build's peak from above (they need not peak together);
  // what the build held at once is the largest sum at one sample.
  const sum = each.reduce((total, [, mb]) => total + mb, 0);
  const together = Math.max(...runs.map((r) => r.peaks.together));
  return `${each.map(([n, mb]) => `${n} ${mb}`).join('，')}（各自峰值之和 ${sum}，同一时刻最多 ${together}）`;
}
