/**
 * `npm run build`: content check → astro build → Pagefind index → file sizes
 * → internal link check. Everything is written into a temporary directory
 * beside the output and moved into place only when every step passed; on
 * failure the output directory is removed, so a failed build never leaves a
 * half-written or stale site behind.
 *
 * Environment: PLANBOOK_CONTENT (content dir, default content/plans),
 * PLANBOOK_UNITS (unit groups, default content/units.yml),
 * PLANBOOK_OUT (output dir, default dist), PLANBOOK_CACHE (Astro cache dir),
 * PLANBOOK_TIMINGS (write step timings, page count and peak memory there as JSON).
 */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkFiles, formatMessage, formatSummary, hasErrors } from '../src/check/index.ts';
import { parseUnitGroups } from '../src/derive/unit-groups.ts';
import { checkLinks, formatBroken } from '../src/build/links.ts';
import { fillFileSizes } from '../src/build/sizes.ts';
import type { Message } from '../src/model/schema.ts';

const root = resolve(import.meta.dirname, '..');
const contentDir = resolve(root, process.env.PLANBOOK_CONTENT ?? 'content/plans');
const unitsFile = resolve(root, process.env.PLANBOOK_UNITS ?? 'content/units.yml');
const out = resolve(root, process.env.PLANBOOK_OUT ?? 'dist');
// Inside the project: Astro keeps its intermediate files under the output directory only when that
// is inside the working directory (elsewhere it falls back to a shared one).
const temp = out.startsWith(root + sep) ? join(dirname(out), `.${basename(out)}.tmp-${process.pid}`) : join(root, `.dist.tmp-${process.pid}`);
// Its own cache: the content data store lives there, and other builds may run at the same time.
const ownCache = !process.env.PLANBOOK_CACHE;
const cache = resolve(root, process.env.PLANBOOK_CACHE ?? `node_modules/.astro/build-${process.pid}`);

class BuildFailure extends Error {}

const timings: Record<string, number> = {};
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  timings[name] = Math.round(performance.now() - start);
  return result;
}

async function main(): Promise<void> {
  process.chdir(root);
  const messages = await step('check', checkContent);
  for (const m of messages) console.error(formatMessage(m));
  if (messages.length > 0) console.error(formatSummary(messages));
  if (hasErrors(messages)) throw new BuildFailure('内容检查未通过：请按上面的提示修改后重新构建。');

  process.env.PLANBOOK_OUT = temp;
  process.env.PLANBOOK_CONTENT = contentDir;
  process.env.PLANBOOK_UNITS = unitsFile;
  process.env.PLANBOOK_CACHE = cache;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  await step('astro', async () => {
    const { build } = await import('astro');
    await build({ root, outDir: temp, cacheDir: cache, logLevel: process.env.PLANBOOK_VERBOSE ? 'info' : 'warn' });
  });

  await step('search', () => searchIndex(temp));
  await step('sizes', () => fillFileSizes(temp));
  const links = await step('links', () => checkLinks(temp));
  if (links.broken.length > 0) {
    for (const line of formatBroken(links.broken)) console.error(line);
    throw new BuildFailure(`链接检查未通过：${links.broken.length} 个站内链接无法打开。`);
  }

  await rm(out, { recursive: true, force: true });
  await moveDir(temp, out);
  if (process.env.PLANBOOK_TIMINGS) {
    const report = { ...timings, pages: links.pages, linkCount: links.links, maxRssKB: process.resourceUsage().maxRSS };
    await writeFile(process.env.PLANBOOK_TIMINGS, JSON.stringify(report) + '\n');
  }
  const parts = Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`);
  console.log(`构建完成：${out}（${links.pages} 个页面，${links.links} 个站内链接均有效；${parts.join('，')}）`);
}

/** Rename, or copy when the output is on another file system. */
async function moveDir(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

async function checkContent(): Promise<Message[]> {
  let names: string[];
  try {
    names = (await readdir(contentDir)).filter((n) => n.endsWith('.md')).sort();
  } catch {
    throw new BuildFailure(`无法读取方案目录 ${contentDir}：请确认目录存在，或用 PLANBOOK_CONTENT 指定。`);
  }
  if (names.length === 0) throw new BuildFailure(`方案目录 ${contentDir} 中没有 .md 文件。`);
  // Paths relative to the project, as editors and terminals link them.
  const messages = await checkFiles(names.map((n) => relative(root, join(contentDir, n))));
  if (existsSync(unitsFile)) {
    messages.push(...parseUnitGroups(await readFile(unitsFile, 'utf8'), relative(root, unitsFile)).messages);
  }
  return messages;
}

/** Pagefind (and any further search files) through the search adapter. */
async function searchIndex(dist: string): Promise<void> {
  if (!existsSync(join(root, 'src/search/pagefind.ts'))) return;
  const { buildSearchIndex } = await import('../src/search/pagefind.ts');
  await buildSearchIndex(dist);
  if (existsSync(join(root, 'src/search/artefacts.ts'))) {
    const mod = (await import('../src/search/artefacts.ts' as string)) as { buildSearchArtefacts?: (d: string) => Promise<unknown> };
    await mod.buildSearchArtefacts?.(dist);
  }
}

try {
  await main();
  if (ownCache) await rm(cache, { recursive: true, force: true });
} catch (error) {
  if (ownCache) await rm(cache, { recursive: true, force: true });
  await rm(temp, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  if (error instanceof BuildFailure) console.error(error.message);
  else {
    console.error(`构建失败：${error instanceof Error ? error.message : String(error)}`);
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause) console.error(`原因：${cause instanceof Error ? cause.message : String(cause)}`);
    if (process.env.PLANBOOK_VERBOSE && error instanceof Error) console.error(error.stack);
  }
  console.error(`未生成 ${basename(out)}/。`);
  process.exitCode = 1;
}
