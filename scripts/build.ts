/**
 * `npm run build`: content check (`checkProject`, the same as `planbook
 * check`) → astro build (the pages) → search index (the substring shards,
 * then Pagefind) → the files that are not pages, checklist PDFs and data
 * files (a worker pool, src/build/files.ts) → file sizes → internal link
 * check → the new site replaces `dist/` in one rename.
 *
 * Everything is written in a scratch folder (`.cache/build-<pid>-…`, see
 * src/build/scratch.ts) that is removed on every way out, signals included.
 * On any failure the previous `dist/` is left exactly as it was. Exit codes:
 * 0 built, 1 the content has errors, 2 anything else (with a message), 130 /
 * 143 interrupted by SIGINT / SIGTERM.
 *
 * Environment: PLANBOOK_CONTENT (content dir, default content/plans),
 * PLANBOOK_UNITS (unit groups, default content/units.yml), PLANBOOK_ALIGNMENT
 * (curation, default alignment.yml beside the content dir), PLANBOOK_OUT
 * (output dir, default dist), PLANBOOK_TIMINGS (write step timings, page
 * count and peak memory there as JSON), PLANBOOK_VERBOSE (Astro's log and
 * stack traces), PLANBOOK_PDF_WORKERS (workers of the files step, default one per core),
 * PLANBOOK_PDF_CACHE (the PDF cache folder, default .cache/pdf; `off`),
 * PLANBOOK_SEARCH_LARGE (a search posting list of more record ids than this
 * is summarized in its gram file, default 512; the tests lower it).
 * PAGEFIND_BINARY_PATH runs another Pagefind binary.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkProject, formatMessage, formatSummary, hasErrors } from '../src/check/index.ts';
import { checkLinks, formatBroken } from '../src/build/links.ts';
import { ContentFailure, describeFailure } from '../src/build/failure.ts';
import { installSite } from '../src/build/install.ts';
import { templatesDir } from '../src/templates/load.ts';
import { siteSettings } from '../src/site/settings.ts';
import { cleanOnSignals, createScratch, recoverStaleBuilds, runCleanups } from '../src/build/scratch.ts';
import { fillFileSizes } from '../src/build/sizes.ts';
import { createFilePool, prestartFileWorker } from '../src/build/files.ts';
import { startAlignment } from '../src/build/align.ts';
import { handOverAlignment, releaseBuild } from '../src/site/handoff.ts';
import { buildDate } from '../src/pdf/document.ts';
import { pdfCacheDir } from '../src/pdf/cache.ts';
import { watchPeaks } from '../src/build/peaks.ts';
import { collectBetweenSteps } from '../src/build/collect.ts';
import type { Plan } from '../src/model/schema.ts';
import { progressDir, progressFiles } from '../src/progress/load.ts';

const root = resolve(import.meta.dirname, '..');
const contentDir = resolve(root, process.env.PLANBOOK_CONTENT ?? 'content/plans');
const unitsFile = resolve(root, process.env.PLANBOOK_UNITS ?? 'content/units.yml');
const alignmentFile = resolve(root, process.env.PLANBOOK_ALIGNMENT ?? join(dirname(contentDir), 'alignment.yml'));
const progressFolder = resolve(root, progressDir(contentDir));
const out = resolve(root, process.env.PLANBOOK_OUT ?? 'dist');
const templatesFolder = templatesDir(root);
const shownOut = `${relative(root, out) || basename(out)}/`;
const verbose = Boolean(process.env.PLANBOOK_VERBOSE);

const timings: Record<string, number> = {};
let current = 'check';
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  current = name;
  const start = performance.now();
  const result = await fn();
  timings[name] = Math.round(performance.now() - start);
  return result;
}

// Peak memory of this process (its worker threads included) and of the programs it starts (Pagefind).
const peaks = watchPeaks(process.pid, 250);

async function build(): Promise<void> {
  process.chdir(root);
  recoverStaleBuilds(root);
  // Astro writes generated types into .astro/ of the project: not left behind by a build that created it.
  const scratch = createScratch(root, ['.astro']);
  // The gate parses every plan: Astro's loader takes them from here instead of parsing again.
  const parsed = join(scratch.dir, 'plans.json');
  const inputs = { root, parsed, progress: progressFolder, buildDate: buildDate(), cache: pdfCacheDir(root) };
  // A first build of a small site starts a file worker now: it loads its libraries and fonts during the check.
  const prestarted = prestartFileWorker(scratch.out, inputs, planBytes());
  const plans = await step('check', checkContent);

  process.env.PLANBOOK_OUT = scratch.out;
  process.env.PLANBOOK_CONTENT = contentDir;
  process.env.PLANBOOK_UNITS = unitsFile;
  process.env.PLANBOOK_ALIGNMENT = alignmentFile;
  process.env.PLANBOOK_PROGRESS = progressFolder;
  process.env.PLANBOOK_CACHE = scratch.cache;
  process.env.PLANBOOK_PARSED = parsed;
  await writeFile(parsed, JSON.stringify(plans));
  // The plans are aligned once, in a worker, while Astro bundles: for the compare and task pages
  // (src/site/handoff.ts) and for comparison.json.
  const aligning = startAlignment(parsed);
  const { alignment } = aligning;
  handOverAlignment(aligning);
  const filePool = createFilePool(scratch.out, inputs, { plans, alignment, prestarted });
  // A first build of a small site starts its lists now, in one worker of the lowest priority: the
  // cores Astro and Pagefind leave idle render them (src/build/files.ts).
  filePool.begin(join(scratch.dir, 'files'));
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // An inherited BASE_URL (vitest sets one for its children) would win over the base path of templates/site.yml.
  delete process.env.BASE_URL;
  await step('astro', async () => {
    const { build: astroBuild } = await import('astro');
    // `sync: false` (an option of Astro's builder its public type leaves out): no type generation into
    // .astro/ on every build; there is no content collection to sync, and src/env.d.ts gives the types.
    await astroBuild({ root, outDir: scratch.out, cacheDir: scratch.cache, logLevel: verbose ? 'info' : 'silent' }, { sync: false } as object);
  });
  console.log('站点页面已生成，正在建立搜索索引');
  // What the pages' modules kept for the build (the model, the alignment, …) is dropped with Astro's garbage.
  releaseBuild();
  // Astro's garbage is freed before the next steps allocate, when there is enough of it to matter (see src/build/collect.ts).
  collectBetweenSteps();
  // Pagefind (the build's largest process) runs before the files step, not after it: what the file
  // workers took stays in this process's resident memory after they end, and was added to Pagefind's.
  await step('search', () => searchIndex(scratch.out, plans));
  collectBetweenSteps();
  console.log('搜索索引已建立，正在生成任务清单 PDF 与数据文件');
  const written = await step('files', () => filePool.render());
  collectBetweenSteps();
  const reused = (n: number) => (n > 0 ? `，其中 ${n} 个内容未变、取自缓存` : '');
  const early = written.aside > 0 ? `，${written.aside} 个在生成页面时已完成` : '';
  const threads = written.workers > 0 ? `${written.workers} 个线程${early}` : '未启动线程';
  console.log(`任务清单 PDF ${written.files} 个${reused(written.cached)}，数据文件 ${written.data} 个${reused(written.dataCached)}（${threads}），正在检查站内链接`);
  await step('sizes', () => fillFileSizes(scratch.out));
  const links = await step('links', () => checkLinks(scratch.out, siteSettings(root).base));
  if (links.broken.length > 0) {
    for (const line of formatBroken(links.broken)) console.error(line);
    throw new Error(`链接检查未通过：${links.broken.length} 个站内链接无法打开。`);
  }
  await step('install', () => installSite(scratch.out, out, scratch.dir));
  const { each: peakMB, together } = peaks.stop();
  if (process.env.PLANBOOK_TIMINGS) {
    const report = { ...timings, pages: links.pages, linkCount: links.links, pdfs: written.files, dataFiles: written.data, pdfsCached: written.cached, dataCached: written.dataCached, pdfWorkers: written.workers, filesAside: written.aside, maxRssKB: process.resourceUsage().maxRSS, peakMB: Object.fromEntries(peakMB), peakTogetherMB: together };
    await writeFile(process.env.PLANBOOK_TIMINGS, JSON.stringify(report) + '\n');
  }
  const parts = Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`);
  console.log(`构建完成：${out}（${links.pages} 个页面，${links.links} 个站内链接均有效；${parts.join('，')}）`);
  if (peakMB.size > 0) console.log(`内存峰值：${[...peakMB].map(([name, mb]) => `${name} ${mb} MB`).join('，')}；同一时刻合计最多 ${together} MB`);
}

/** Bytes of the content folder's plan files (0 when it cannot be read: the check says why). */
function planBytes(): number {
  try {
    return readdirSync(contentDir)
      .filter((n) => n.endsWith('.md'))
      .reduce((sum, n) => sum + statSync(join(contentDir, n)).size, 0);
  } catch {
    return 0;
  }
}

async function checkContent(): Promise<Plan[]> {
  let names: string[];
  try {
    names = (await readdir(contentDir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    throw new ContentFailure(`无法读取方案目录 ${relative(root, contentDir) || contentDir}：请确认目录存在，或用 PLANBOOK_CONTENT 指定。`);
  }
  if (names.length === 0) throw new ContentFailure(`方案目录 ${relative(root, contentDir)} 中没有 .md 文件。`);
  const { messages, files, plans } = await checkProject({
    root,
    plans: names.map((n) => join(contentDir, n)),
    units: unitsFile,
    alignment: alignmentFile,
    templates: templatesFolder,
    progress: progressFiles(progressFolder),
  });
  for (const m of messages) console.error(formatMessage(m));
  if (messages.length > 0) console.error(formatSummary(messages));
  if (hasErrors(messages)) throw new ContentFailure('内容检查未通过：请按上面的提示修改后重新构建（planbook check 给出同样的结果）。');
  console.log(`内容检查通过（${files} 个文件），正在生成站点页面`);
  return plans;
}

/** The sharded substring index and Pagefind's, from the checked plans. */
async function searchIndex(dist: string, plans: Plan[]): Promise<void> {
  const { writeSearchFiles } = await import('../src/search/write.ts');
  const { loadProgress } = await import('../src/progress/load.ts');
  const { createProgress } = await import('../src/progress/view.ts');
  const progress = createProgress(plans, await loadProgress(progressFolder));
  const large = Number(process.env.PLANBOOK_SEARCH_LARGE) || undefined;
  await writeSearchFiles(dist, plans, (task) => progress.task(task.id)?.item.shown, { large, afterShards: () => collectBetweenSteps(false) });
}

const kept = () => (existsSync(out) ? `${shownOut} 保持上次构建的内容，未作改动。` : `未生成 ${shownOut}。`);

cleanOnSignals((signal) => `构建被中断（${signal}）：已清理临时文件，${kept()}`);
// The loop running dry while a step still awaits means an external program died without answering
// (Pagefind's service does that when its binary crashes): say so, instead of Node's silent exit 13.
let settled = false;
process.once('beforeExit', () => {
  if (settled) return;
  runCleanups();
  const what = current === 'search' ? 'Pagefind 程序意外退出，搜索索引没有建成' : `“${current}”一步没有完成就停止了`;
  console.error(`构建失败：${what}。${kept()}`);
  console.error('  提示：设置 PLANBOOK_VERBOSE=1 重新运行可查看详细信息；若问题重复出现，请报告此问题。');
  process.exitCode = 2;
});

async function main(): Promise<void> {
  try {
    await build();
    process.exitCode = 0;
  } catch (error) {
    const { lines, exitCode } = describeFailure(error, verbose);
    runCleanups();
    for (const line of lines) console.error(line);
    console.error(kept());
    process.exitCode = exitCode;
  } finally {
    settled = true;
    runCleanups();
  }
}

void main();
