/**
 * The build's files step (src/build/files.ts) on the five real plans and their
 * progress records, with a checklist an office added: real worker threads
 * write exactly the files of `pdfFiles` and `dataFiles`, byte for byte what one thread
 * renders, a rebuild copies unchanged files from the cache, and a file
 * that fails rejects with a Chinese message.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BEGIN_TASKS, PRESTART_BYTES, loadFileContext, filePath, createFilePool, prestartFileWorker, type FileInputs } from '../../../src/build/files.ts';
import { startAlignment } from '../../../src/build/align.ts';
import { loadPlans } from '../../../src/load/plans.ts';
import { alignPlans } from '../../../src/align/index.ts';
import { comparisonJson } from '../../../src/align/export.ts';
import { readCurated } from '../../../src/align/read-curated.ts';
import { displayCut } from '../../../src/align/tokens.ts';
import { dataFiles, renderDataFile } from '../../../src/export/catalog.ts';
import { pdfFiles } from '../../../src/pdf/catalog.ts';
import { pdfKey } from '../../../src/pdf/cache.ts';
import { pdfDocument, renderPdfFile, type PdfContext } from '../../../src/pdf/index.ts';
import type { Plan } from '../../../src/model/schema.ts';

const root = resolve(import.meta.dirname, '../../..');
let dir = '';
let inputs: FileInputs;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planbook-pdf-pool-'));
  // The project's templates plus a 季度 list an office added (kind: year).
  await cp(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  const year = await readFile(join(root, 'templates/checklists/year.yml'), 'utf8');
  await writeFile(join(dir, 'templates/checklists/quarterly.yml'), year.replace(/^title: .*$/m, "title: '{方案}{年度}年度季度检查表'"));
  const { plans } = await loadPlans(join(root, 'content/plans'));
  await writeFile(join(dir, 'plans.json'), JSON.stringify(plans));
  inputs = { root: dir, parsed: join(dir, 'plans.json'), progress: join(root, 'content/progress'), buildDate: '2026-11-23', cache: null };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name))).sort();
}

/** The nice value of every thread of this process. */
async function threadNices(): Promise<number[]> {
  const threads = await readdir('/proc/self/task');
  const stats = await Promise.all(threads.map((t) => readFile(`/proc/self/task/${t}/stat`, 'utf8').catch(() => '')));
  // After the command's closing parenthesis: state is field 3, nice field 19.
  return stats.filter(Boolean).map((stat) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
}

describe('the files step', () => {
  test('workers write every file of both catalogs and nothing else, each as one thread renders it', async () => {
    const out = join(dir, 'site');
    // The build's alignment worker, whose result the pages and comparison.json take, aligns as the pages would.
    const aligning = startAlignment(inputs.parsed);
    const result = await createFilePool(out, inputs, { alignment: aligning.alignment }).render();
    const context = await loadFileContext(inputs);
    const alignment = alignPlans(context.plans, await readCurated());
    expect(await aligning.alignment).toEqual(alignment);
    // Then every task text, once, cut as the compare pages would cut it.
    const cuts = await aligning.cuts;
    expect(cuts.map(([text]) => text).sort()).toEqual([...new Set(context.plans.flatMap((p) => p.tasks.map((t) => t.text)))].sort());
    for (const [text, joined] of cuts) expect(joined).toBe(displayCut(text));
    expect(await readFile(join(out, 'data/comparison.json'), 'utf8')).toBe(comparisonJson(alignment));
    const files = pdfFiles(context);
    const data = dataFiles(context);
    expect(await filesBelow(out)).toEqual([...files, ...data].map(filePath).sort());
    expect(result.files).toBe(files.length);
    expect(result.data).toBe(data.length);
    expect(result.times).toHaveLength(files.length);

    // The site's own lists and the added one, for each plan, year and unit.
    const paths = new Set(files.map(filePath));
    for (const plan of context.plans) {
      expect(paths).toContain(`pdf/${plan.id}.pdf`);
      for (let y = plan.period[0]; y <= plan.period[1]; y++) expect(paths).toContain(`pdf/quarterly/${plan.id}-${y}.pdf`);
    }
    expect(files.filter((f) => f.subject.kind === 'plan-progress')).toHaveLength(context.progress.plans.length);

    for (const file of files.filter((_, i) => i % 9 === 0)) {
      const single = await renderPdfFile(file, context, { buildDate: inputs.buildDate });
      expect(Buffer.compare(await readFile(join(out, filePath(file))), Buffer.from(single)), filePath(file)).toBe(0);
    }

    // The data files: the four downloads, and a calendar and a 进展填报表 per plan and per unit.
    const dataPaths = data.map(filePath);
    for (const f of ['data/plans.json', 'data/tasks.csv', 'data/tasks.xlsx', 'data/comparison.json']) expect(dataPaths).toContain(f);
    for (const plan of context.plans) expect(dataPaths).toEqual(expect.arrayContaining([`calendar/${plan.id}.ics`, `progress/${plan.id}/form.xlsx`]));
    expect(data.filter((f) => f.subject.kind === 'unit-calendar')).toHaveLength(context.units.units.length);
    for (const file of data.filter((f) => !filePath(f).endsWith('.xlsx'))) {
      const text = await renderDataFile(file.subject, context);
      expect(await readFile(join(out, filePath(file)), 'utf8'), filePath(file)).toBe(text);
    }
  });

  test('an alignment that fails rejects with a Chinese message and its cause', async () => {
    const failed = startAlignment(join(dir, 'missing.json'));
    await expect(failed.alignment).rejects.toThrow('对照各方案任务（对齐）失败');
    await expect(failed.cuts).rejects.toThrow('任务文字分词失败');
  });

  test.each([
    ['a data file that fails stops the pool with its path', 'data/tasks.csv', 'failed-data', '生成数据文件失败：data/tasks.csv'],
    ['a PDF that fails stops the pool with its path and the cause', 'pdf/miaohang.pdf', 'failed', '生成任务清单 PDF 失败：pdf/miaohang.pdf'],
    ['a worker that exits stops the pool, naming the file it had', 'exit:pdf/miaohang.pdf', 'exited', /工作线程意外退出（退出码 3）：pdf\/miaohang\.pdf/],
  ] as const)('%s', async (_, fault, folder, message) => {
    process.env.PLANBOOK_FAULT_PDF = fault;
    try {
      const pool = createFilePool(join(dir, folder), inputs);
      await expect(pool.render()).rejects.toThrow(message);
    } finally {
      delete process.env.PLANBOOK_FAULT_PDF;
    }
  });

  test('a first build begun while the pages are built writes aside, then moves in, the same files as one begun after them', async () => {
    const plans = JSON.parse(await readFile(inputs.parsed, 'utf8')) as Plan[];
    const cached = { ...inputs, cache: join(dir, 'begin-cache') };
    const aligning = startAlignment(inputs.parsed);
    const aside = join(dir, 'begin-aside');
    const pool = createFilePool(join(dir, 'begun'), cached, { plans, alignment: aligning.alignment });
    expect(pool.begin(aside)).toBe(true);
    // The build goes on with Astro: here, until the worker has written a few files aside.
    while ((await filesBelow(aside).catch(() => [])).length < 3) await new Promise((next) => setTimeout(next, 50));
    // On Linux, its thread runs at nice 19 (the 19th field of the thread's stat), and no other thread of this process does.
    if (existsSync('/proc/thread-self')) expect((await threadNices()).filter((nice) => nice === 19)).toHaveLength(1);
    const begun = await pool.render();
    expect(begun.aside).toBeGreaterThanOrEqual(3);
    expect(await filesBelow(aside)).toEqual([]);
    const after = await createFilePool(join(dir, 'not-begun'), { ...inputs, cache: null }, { plans, alignment: aligning.alignment }).render();
    expect([begun.files, begun.data, after.aside]).toEqual([after.files, after.data, 0]);
    const written = await filesBelow(join(dir, 'not-begun'));
    expect(await filesBelow(join(dir, 'begun'))).toEqual(written);
    for (const path of written.filter((p) => !p.endsWith('.xlsx'))) {
      expect(Buffer.compare(await readFile(join(dir, 'begun', path)), await readFile(join(dir, 'not-begun', path))), path).toBe(0);
    }
    // A build with a cache on its record copies first, and begins nothing; nor does one without the plans, or too large.
    expect(createFilePool(join(dir, 'warm'), cached, { plans }).begin(aside)).toBe(false);
    // The first build of a new day (a date in every list's key) goes as a first build: it begins, renders every
    // list, and its workers copy every data file from the cache but comparison.json (aligned afresh here).
    const nextDay = createFilePool(join(dir, 'next-day'), { ...cached, buildDate: '2026-11-24' }, { plans });
    expect(nextDay.begin(join(dir, 'next-day-aside'))).toBe(true);
    const next = await nextDay.render();
    expect([next.cached, next.dataCached]).toEqual([0, next.data - 1]);
    expect(await filesBelow(join(dir, 'next-day'))).toEqual(written);
    expect(createFilePool(join(dir, 'unplanned'), inputs).begin(aside)).toBe(false);
    const many = Array.from({ length: Math.ceil(BEGIN_TASKS / plans[0]!.tasks.length) + 1 }, () => plans[0]!);
    expect(createFilePool(join(dir, 'large'), inputs, { plans: many }).begin(aside)).toBe(false);
  });

  test('a worker prestarted before the check is the one begin() takes, or is ended when it does not begin', async () => {
    const plans = JSON.parse(await readFile(inputs.parsed, 'utf8')) as Plan[];
    const out = join(dir, 'prestarted');
    const prestarted = prestartFileWorker(out, inputs, 1024);
    expect(prestarted).toBeDefined();
    const pool = createFilePool(out, inputs, { plans, prestarted });
    expect(pool.begin(join(dir, 'prestarted-aside'))).toBe(true);
    const result = await pool.render();
    expect(result.workers).toBeGreaterThan(0);
    const written = await filesBelow(join(dir, 'not-begun'));
    expect(await filesBelow(out)).toEqual(written);
    // Too much plan text, or a cache on record of the same day: none is started.
    expect(prestartFileWorker(out, inputs, PRESTART_BYTES + 1)).toBeUndefined();
    // (the last build over that cache was of 2026-11-24, the next day's above)
    expect(prestartFileWorker(out, { ...inputs, cache: join(dir, 'begin-cache'), buildDate: '2026-11-24' }, 1024)).toBeUndefined();
    // More tasks than a begun build may hold: begin() ends the prestarted worker.
    const spare = prestartFileWorker(join(dir, 'spare'), inputs, 1024)!;
    const ended = new Promise((exited) => spare.worker.once('exit', exited));
    const many = Array.from({ length: Math.ceil(BEGIN_TASKS / plans[0]!.tasks.length) + 1 }, () => plans[0]!);
    expect(createFilePool(join(dir, 'spare'), inputs, { plans: many, prestarted: spare }).begin(join(dir, 'spare-aside'))).toBe(false);
    await ended;
  });

  test('a file that fails while the pages are built fails render(), naming it', async () => {
    const plans = JSON.parse(await readFile(inputs.parsed, 'utf8')) as Plan[];
    process.env.PLANBOOK_FAULT_PDF = 'exit:pdf/changning.pdf';
    try {
      const pool = createFilePool(join(dir, 'begun-failed'), inputs, { plans });
      expect(pool.begin(join(dir, 'begun-failed-aside'))).toBe(true);
      await expect(pool.render()).rejects.toThrow(/工作线程意外退出（退出码 3）：pdf\/changning\.pdf/);
    } finally {
      delete process.env.PLANBOOK_FAULT_PDF;
    }
  });

  test('a first build keys its files in the workers; a rebuild copies every unchanged file from the cache without a worker, and renders only what an edited plan touches', async () => {
    const cached = { ...inputs, cache: join(dir, 'cache') };
    const aligning = startAlignment(inputs.parsed);
    const first = await createFilePool(join(dir, 'first'), cached, { alignment: aligning.alignment }).render();
    expect([first.cached, first.dataCached, first.unkeyed]).toEqual([0, 0, first.files + first.data]);
    expect(first.workers).toBeGreaterThan(0);
    const again = await createFilePool(join(dir, 'again'), cached, { alignment: aligning.alignment }).render();
    // Every PDF and data file copied, comparison.json included (same alignment); no worker started.
    expect([again.cached, again.dataCached, again.workers, again.times]).toEqual([again.files, again.data, 0, []]);
    expect(again.bytes).toBe(first.bytes);
    const written = await filesBelow(join(dir, 'first'));
    expect(await filesBelow(join(dir, 'again'))).toEqual(written);
    for (const path of written.filter((p) => !p.endsWith('.xlsx'))) {
      expect(Buffer.compare(await readFile(join(dir, 'first', path)), await readFile(join(dir, 'again', path))), path).toBe(0);
    }
    // Without the build's alignment, comparison.json is aligned afresh and not taken from the cache.
    const unaligned = await createFilePool(join(dir, 'unaligned'), cached).render();
    expect([unaligned.cached, unaligned.dataCached, unaligned.workers]).toEqual([unaligned.files, unaligned.data - 1, 1]);

    // The first task of 湘乡 reworded: its lists change (its progress list too), and those of the units the task names; no other plan's.
    const plans = JSON.parse(await readFile(inputs.parsed, 'utf8')) as Plan[];
    const task = plans.find((p) => p.id === 'xiangxiang')!.tasks[0]!;
    task.text = `${task.text}（已调整）`;
    const edited = { ...cached, parsed: join(dir, 'edited.json') };
    await writeFile(edited.parsed, JSON.stringify(plans));
    const before = await loadFileContext(cached);
    const after = await loadFileContext(edited);
    const key = (file: Parameters<typeof pdfDocument>[0], context: PdfContext) => {
      const { doc, template } = pdfDocument(file, context);
      return pdfKey(doc, template, { buildDate: inputs.buildDate });
    };
    const files = pdfFiles(after);
    const changed = files.filter((f) => key(f, before) !== key(f, after));
    expect(changed.map(filePath)).toContain('pdf/xiangxiang.pdf');
    for (const f of changed) if ('plan' in f.subject) expect(f.subject.plan, filePath(f)).toBe('xiangxiang');
    const rebuild = await createFilePool(join(dir, 'rebuild'), edited).render();
    expect(rebuild.cached).toBe(files.length - changed.length);
    // The data files re-written: the four downloads of /data/ (comparison.json aligned afresh), 湘乡's calendar and
    // 进展填报表, and those of every unit 湘乡 names; no other plan's or unit's.
    const named = new Set(plans.find((p) => p.id === 'xiangxiang')!.tasks.flatMap((t) => t.units.map((u) => u.name)));
    expect(named.size).toBeGreaterThan(30);
    const rewritten = 4 + 2 + 2 * named.size;
    expect(rebuild.dataCached).toBe(rebuild.data - rewritten);
    // The cache keeps what the last three builds used: the edited lists beside the old ones, the data files of both, and the record of the builds.
    const kept = new Set([...pdfFiles(before).map((f) => key(f, before)), ...files.map((f) => key(f, after))]);
    const names = (await readdir(cached.cache)).sort();
    expect(names.filter((n) => !n.endsWith('.data'))).toEqual([...[...kept].map((k) => `${k}.pdf`), 'builds.json'].sort());
    // The data files of the first builds (comparison.json once aligned by the build) and those the rebuild re-wrote (without it).
    expect(names.filter((n) => n.endsWith('.data'))).toHaveLength(rebuild.data + rewritten - 1);
  });
  test('when most of the first files keyed are missing from the cache, the rest go to the workers unkeyed, which copy those the cache holds', async () => {
    const cached = { ...inputs, cache: join(dir, 'handoff-cache') };
    const aligning = startAlignment(inputs.parsed);
    const first = await createFilePool(join(dir, 'handoff-first'), cached, { alignment: aligning.alignment }).render();
    expect(first.data).toBeGreaterThan(64);
    // The data files (keyed first) gone from the cache, as for another site's or an older renderer's: every one misses.
    for (const name of await readdir(cached.cache)) if (name.endsWith('.data')) await rm(join(cached.cache, name));
    const second = await createFilePool(join(dir, 'handoff-second'), cached, { alignment: aligning.alignment }).render();
    // Every list still came from the cache, those after the hand-off copied by the workers; every data file written again.
    expect([second.cached, second.dataCached, second.times]).toEqual([second.files, 0, []]);
    expect(second.workers).toBeGreaterThan(0);
    expect(second.unkeyed).toBeGreaterThan(second.files / 2);
    expect(second.unkeyed).toBeLessThan(second.files + second.data);
    const written = await filesBelow(join(dir, 'handoff-first'));
    expect(await filesBelow(join(dir, 'handoff-second'))).toEqual(written);
    for (const path of written.filter((p) => !p.endsWith('.xlsx'))) {
      expect(Buffer.compare(await readFile(join(dir, 'handoff-first', path)), await readFile(join(dir, 'handoff-second', path))), path).toBe(0);
    }
    // And a third build copies everything again, without a worker: the workers kept what they wrote under the build's keys.
    const third = await createFilePool(join(dir, 'handoff-third'), cached, { alignment: aligning.alignment }).render();
    expect([third.cached, third.dataCached, third.workers]).toEqual([third.files, third.data, 0]);
  });
});
