/**
 * Site build benchmark: `npm run build` (check → astro → Pagefind → sizes →
 * links) for the five plans and for the synthetic corpus, each in a fresh
 * process writing to bench/out/. Reports wall time, each step, pages, the
 * size of the output and the build's peak RSS.
 *
 * PLANBOOK_BENCH_SITE_PLANS limits the corpus build to the first N plans
 * (copied to bench/out/site-corpus-content); PLANBOOK_BENCH_SITE_TIMEOUT
 * (seconds, default 3600) stops a build that runs longer.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, BenchResults } from './lib/types.ts';

export async function run(ctx: BenchContext): Promise<BenchResults> {
  const out = join(ctx.root, 'bench/out');
  await mkdir(out, { recursive: true });
  const results: BenchResults = {};
  ctx.log('五个方案');
  Object.assign(results, prefix('5 plans', await buildOnce(ctx, ctx.fivePlansDir, join(out, 'site-5'))));
  const corpus = await corpusDir(ctx, out);
  ctx.log(`语料（${corpus.count} 个方案）`);
  Object.assign(results, prefix(`${corpus.count} plans`, await buildOnce(ctx, corpus.dir, join(out, 'site-corpus'))));
  return results;
}

async function corpusDir(ctx: BenchContext, out: string): Promise<{ dir: string; count: number }> {
  const names = (await readdir(ctx.corpusDir)).filter((n) => n.endsWith('.md')).sort();
  const limit = Number(process.env.PLANBOOK_BENCH_SITE_PLANS ?? names.length);
  if (limit >= names.length) return { dir: ctx.corpusDir, count: names.length };
  const dir = join(out, 'site-corpus-content');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const n of names.slice(0, limit)) await cp(join(ctx.corpusDir, n), join(dir, n));
  return { dir, count: limit };
}

async function buildOnce(ctx: BenchContext, content: string, dist: string): Promise<BenchResults> {
  const timingsFile = `${dist}.timings.json`;
  await rm(timingsFile, { force: true });
  const timeout = Number(process.env.PLANBOOK_BENCH_SITE_TIMEOUT ?? 3600) * 1000;
  const heapMB = Number(process.env.PLANBOOK_BENCH_HEAP_MB ?? 16384);
  const started = performance.now();
  const ok = await new Promise<boolean>((resolve) => {
    execFile(
      process.execPath,
      ['scripts/build.ts'],
      {
        cwd: ctx.root,
        timeout,
        maxBuffer: 256 * 1024 * 1024,
        // A corpus build holds tens of thousands of pages; V8's default heap limit (~4 GB) is not enough.
        env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMB}`, PLANBOOK_CONTENT: content, PLANBOOK_OUT: dist, PLANBOOK_TIMINGS: timingsFile },
      },
      (error, _stdout, stderr) => {
        if (error) {
          const lines = String(stderr).trim().split('\n');
          const cause = lines.find((l) => /FATAL|heap|Error/.test(l)) ?? lines.at(-1) ?? error.message;
          ctx.log(`构建失败：${cause}（完整输出：${dist}.stderr.log）`);
          void writeFile(`${dist}.stderr.log`, String(stderr));
        }
        resolve(!error);
      },
    );
  });
  const wall = (performance.now() - started) / 1000;
  if (!ok) return { 'build (s)': Number(wall.toFixed(1)), status: '失败' };
  const t = JSON.parse(await readFile(timingsFile, 'utf8')) as Record<string, number>;
  const size = await dirSize(dist);
  const s = (ms: number | undefined) => Number(((ms ?? 0) / 1000).toFixed(1));
  return {
    'build (s)': Number(wall.toFixed(1)),
    'check (s)': s(t.check),
    'astro (s)': s(t.astro),
    'pagefind (s)': s(t.search),
    'link check (s)': s(t.links),
    'pages (count)': t.pages ?? 0,
    'links (count)': t.linkCount ?? 0,
    'pages (pages/s)': Number(((t.pages ?? 0) / wall).toFixed(1)),
    'dist (MB)': Number((size.bytes / 1024 / 1024).toFixed(1)),
    'dist files (count)': size.files,
    'peak RSS (MB)': Math.round((t.maxRssKB ?? 0) / 1024),
  };
}

async function dirSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += (await stat(join(e.parentPath, e.name))).size;
    files++;
  }
  return { bytes, files };
}

function prefix(label: string, r: BenchResults): BenchResults {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [`${label}: ${k}`, v]));
}
