/**
 * The build's `files` step: every file of the site that is not a page — the
 * checklist PDFs of `pdfFiles` (src/pdf/catalog.ts) and the data files of
 * `dataFiles` (src/export/catalog.ts: JSON, CSV, Excel, calendars, 进展填报表)
 * — written by a pool of worker threads after Astro has written the pages
 * and Pagefind has indexed them. A first build of a small site (`begin`)
 * starts one of them earlier, at the lowest priority, on the cores those
 * two leave idle: at 20 plans it wrote 58 of 351 files while the pages were
 * built, and the step after them took 2.5 s instead of 4.3 s. For a small
 * content folder that worker is started before the content check
 * (`prestartFileWorker`), loading its libraries and fonts meanwhile.
 *
 * One worker per core (`os.availableParallelism()`, or `PLANBOOK_PDF_WORKERS`),
 * each loading the model once (the plans the content check parsed, the
 * progress records, the templates) and keeping its font subsets, shaped
 * widths and harfbuzz faces for every file it renders. Files are handed out
 * one at a time: the first worker takes the data files and the others the
 * lists, longest first, each turning to the other kind when its own runs
 * out, so the workers finish together and only one loads and warms up the
 * Excel writer (at 20 plans the step took 4.7 s instead of 5.1 s). Every file is keyed first, in the build's own
 * thread (src/pdf/cache.ts): a list unchanged since an earlier build (same
 * content, template, date and renderer), or a data file whose writer reads
 * nothing changed (`dataKeys`), is copied from the cache, and only the rest go
 * to the workers, which are started only when there is something to write.
 * A first build (no cache yet, or the first of a new day: the date printed
 * on every list is in its key, and the cache records its last build's) keys
 * nothing here: its workers key each file as they write it, from the list
 * they lay out anyway, and copy a data file the cache holds; and when most of the
 * first files keyed here are missing, the rest go to the workers unkeyed
 * too, which copy from the cache any they find there.
 * A file that fails stops the pool and the build (the previous site stays);
 * the workers are ended on every way out, signals included.
 *
 * `PLANBOOK_FAULT_PDF=<path>` makes the worker rendering that file fail
 * (`exit:<path>`: the worker thread exits), for the fault tests.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { UnitIndex } from '../derive/units.ts';
import type { Plan } from '../model/schema.ts';
import { dataKey, lastBuildDate, openPdfCache, pdfKey, prunePdfCache } from '../pdf/cache.ts';
import { pdfDocument } from '../pdf/document.ts';
import type { Alignment } from '../align/types.ts';
import { dataFiles, type DataSubject } from '../export/catalog.ts';
import { pdfFiles, type PdfFile, type PdfSubject } from '../pdf/catalog.ts';
import type { PdfContext } from '../pdf/document.ts';
import { loadProgress } from '../progress/load.ts';
import { createProgress } from '../progress/view.ts';
import { withoutBase } from '../site/base.ts';
import { siteModel } from '../site/model.ts';
import { getTemplates } from '../site/templates.ts';
import { onCleanup } from './scratch.ts';
import { heapBudget } from './collect.ts';

/** Where a worker finds what it renders from. */
export interface FileInputs {
  /** The project (templates/ is read from here). */
  root: string;
  /** JSON of the parsed plans (`PLANBOOK_PARSED`). */
  parsed: string;
  /** The progress folder. */
  progress: string;
  /** YYYY-MM-DD, the same for every file. */
  buildDate: string;
  /** The PDF cache folder (`pdfCacheDir`), or null for none. */
  cache: string | null;
}

/** A job as sent to a worker: the file below the output folder (or below `into`) and what it shows. */
export type FileJob =
  | { type: 'pdf'; path: string; list: string; subject: PdfSubject; key: string | null; into?: string }
  | { type: 'data'; path: string; subject: DataSubject; key: string | null; alignment?: Alignment | undefined; into?: string };

export type FileReply =
  | { ok: true; type: FileJob['type']; path: string; bytes: number; ms: number; key: string | null; cached: boolean }
  | { ok: false; type: FileJob['type']; path: string; message: string };

export interface FileStepResult {
  /** PDFs written. */
  files: number;
  /** Data files written. */
  data: number;
  bytes: number;
  workers: number;
  /** PDFs copied from the cache, their lists unchanged since an earlier build. */
  cached: number;
  /** Data files copied from the cache, what their writers read unchanged since an earlier build. */
  dataCached: number;
  /** Time of each PDF rendered in a worker (ms). */
  times: number[];
  /** Files sent to the workers unkeyed, each keyed (and copied, when cached) there. */
  unkeyed: number;
  /** Files written by `begin()`'s worker while the pages were built. */
  aside: number;
}

/** Model, progress and templates for `inputs`: once in the build and once in each worker. */
export async function loadFileContext(inputs: FileInputs, plans?: Plan[]): Promise<PdfContext & { units: UnitIndex }> {
  const model = await siteModel(plans ?? (JSON.parse(await readFile(inputs.parsed, 'utf8')) as Plan[]));
  const progress = createProgress(model.plans, await loadProgress(inputs.progress));
  return { plans: model.plans, units: model.units, progress, templates: await getTemplates(inputs.root) };
}

/** The file a URL of the site is written to, below the output folder. */
export function filePath(file: Pick<PdfFile, 'href'>): string {
  return decodeURI(withoutBase(file.href)).replace(/^\//, '');
}

export interface FilePool {
  /**
   * A first build of a site of up to `BEGIN_TASKS` tasks: starts one worker
   * on the files at once, at the lowest priority, while Astro builds the
   * pages and Pagefind indexes them, and writes what it renders into
   * `aside` (Astro empties its output folder as it starts) until `render()`
   * moves it in. False, and nothing started, for a larger site or a build
   * with a cache to copy from.
   */
  begin(aside: string): boolean;
  /** Writes every PDF and data file of the site into the output folder; rejects on the first file that fails. */
  render(): Promise<FileStepResult>;
  /** Ends the workers (also done on every way out of the process). */
  stop(): void;
}

export interface FilePoolOptions {
  /** The plans the build holds (else read from `inputs.parsed`, as the workers read them). */
  plans?: Plan[] | undefined;
  /** The build's alignment, for comparison.json (else each worker aligns the plans itself). */
  alignment?: Promise<Alignment> | undefined;
  /** A worker `prestartFileWorker` started before the content check, for `begin()` (ended if it does not begin). */
  prestarted?: Prestarted | undefined;
}

/** A file worker started before the plans were checked: loading its libraries and fonts meanwhile. */
export interface Prestarted {
  worker: Worker;
  /** What it failed with before the pool took it. */
  failed: Error | undefined;
  /** Removes the listeners that record `failed`, as the pool takes or ends it. */
  detach: () => void;
}

/**
 * Whether a build renders every list: no cache, no build on the cache's
 * record, or the last one on record of another day (the date printed on
 * every list is in its key).
 */
export function firstBuild(inputs: Pick<FileInputs, 'cache' | 'buildDate'>): boolean {
  return inputs.cache === null || lastBuildDate(inputs.cache) !== inputs.buildDate;
}

/**
 * Bytes of plan text (the content folder's `.md` files) up to which a first
 * build starts `begin()`'s worker before the content check, so that it has
 * loaded its libraries and fonts (about 0.7 s) when Astro starts: a little
 * more than `BEGIN_TASKS` of the generated corpus (about 1 KB a task).
 * `begin()` ends it when the checked plans hold more tasks.
 */
export const PRESTART_BYTES = 12 * 1024 * 1024;

function fileWorker(out: string, inputs: FileInputs, data: { fonts: boolean; background: boolean; wait: boolean }): Worker {
  return new Worker(new URL('./files-worker.ts', import.meta.url), { workerData: { out, inputs, ...data } });
}

/**
 * Starts `begin()`'s worker now, before the plans are checked (they are
 * read from `inputs.parsed` when its first file comes): for a first build
 * of at most `PRESTART_BYTES` of plan text. Undefined otherwise.
 */
export function prestartFileWorker(out: string, inputs: FileInputs, planBytes: number): Prestarted | undefined {
  if (planBytes > PRESTART_BYTES || !firstBuild(inputs)) return undefined;
  const worker = fileWorker(out, inputs, { fonts: true, background: true, wait: true });
  // Until the files step, the build does not wait for it (see begin()).
  worker.unref();
  const failed = (error: Error) => (prestarted.failed ??= error);
  const exited = (code: number) => failed(new Error(`退出码 ${code}`));
  const prestarted: Prestarted = {
    worker,
    failed: undefined,
    detach: () => {
      worker.off('error', failed);
      worker.off('exit', exited);
    },
  };
  worker.on('error', failed);
  worker.on('exit', exited);
  onCleanup(() => void worker.terminate());
  return prestarted;
}

/**
 * Tasks up to which a first build starts its files while the pages are
 * built (`begin`): about 350 plans of the generated corpus. Beyond that the
 * worker's memory would add to Astro's and Pagefind's peaks, which bound a
 * build of 1,000 plans.
 */
export const BEGIN_TASKS = 10_000;

type Kind = FileJob['type'];

/** A worker and the job it is on. */
interface Slot {
  worker: Worker;
  /** Which kind of file it takes first. */
  order: readonly [Kind, Kind];
  current: FileJob | undefined;
}

/**
 * The pool of file workers, one per core, started by `render()` after
 * Astro and Pagefind, or one of them earlier by `begin()`. Workers of
 * normal priority that loaded and rendered while Astro built the pages
 * slowed it by more than they saved after it (measured at 20 to 300
 * plans); one at the lowest priority takes only the cores Astro and
 * Pagefind leave idle.
 */
export function createFilePool(out: string, inputs: FileInputs, { plans, alignment, prestarted }: FilePoolOptions = {}): FilePool {
  const size = Math.max(1, Number(process.env.PLANBOOK_PDF_WORKERS) || availableParallelism());
  const slots: Slot[] = [];
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const { worker } of slots) void worker.terminate();
  };
  onCleanup(stop);

  // A first build (no cache, or no build on its record) renders everything; so does the first of a new
  // day, whose date is in every list's key: its workers key each file and copy the data files cached.
  const cold = firstBuild(inputs);
  const result: FileStepResult = { files: 0, data: 0, bytes: 0, workers: 0, cached: 0, dataCached: 0, times: [], unkeyed: 0, aside: 0 };
  const used = new Set<string>();
  // The files to write, once listed, and how many of each kind were handed out.
  let queues: Record<Kind, FileJob[]> | undefined;
  const taken: Record<Kind, number> = { data: 0, pdf: 0 };
  let total = -1;
  let done = 0;
  // Where begin()'s worker writes until render() moves its files in, and those it has written there.
  let aside: string | undefined;
  let writingAside = false;
  const written: string[] = [];
  let failure: Error | undefined;
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    if (failure || stopping) return;
    failure = error;
    settle?.reject(error);
  };
  const folders = new Map<string, Promise<unknown>>();
  const moveIn = async (path: string) => {
    const file = join(out, path);
    const folder = dirname(file);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await rename(join(aside!, path), file);
  };

  const send = (slot: Slot) => {
    slot.current = undefined;
    if (!queues || failure) return;
    const type = slot.order.find((t) => taken[t] < queues![t].length);
    if (!type) return;
    const job = queues[type][taken[type]++]!;
    if (writingAside) job.into = aside;
    slot.current = job;
    // comparison.json takes the alignment the pages were rendered with (the build's, src/build/align.ts).
    if (job.type === 'data' && job.subject.kind === 'comparison-json' && alignment && !job.alignment) {
      alignment.then((shared) => {
        job.alignment = shared;
        slot.worker.postMessage(job);
      }, fail);
    } else slot.worker.postMessage(job);
  };

  const answered = async (slot: Slot, reply: FileReply) => {
    if (!reply.ok) return fail(new Error(`${what(reply.type)}失败：${reply.path}`, { cause: new Error(reply.message) }));
    if (slot.current?.into) {
      // Written aside: moved in now if render() has moved the others, else with them.
      if (writingAside) written.push(reply.path);
      else await moveIn(reply.path).catch(fail);
      result.aside++;
    }
    result.bytes += reply.bytes;
    if (reply.cached) result[reply.type === 'pdf' ? 'cached' : 'dataCached']++;
    else if (reply.type === 'pdf') result.times.push(reply.ms);
    if (reply.key) used.add(reply.key);
    if (++done === total) settle?.resolve();
    send(slot);
  };

  // A first build's list-first workers load the font faces as they start: every list is rendered.
  const start = (order: Slot['order'], background = false, worker = fileWorker(out, inputs, { fonts: cold && order[0] === 'pdf', background, wait: false })) => {
    const slot: Slot = { worker, order, current: undefined };
    // begin()'s worker does not keep the build's process alive until render() waits for it: a step whose
    // program died without answering must still let the loop run dry (scripts/build.ts says so on exit).
    if (background) worker.unref();
    worker.on('message', (reply: FileReply) => void answered(slot, reply));
    const at = () => (slot.current ? `：${slot.current.path}` : '');
    worker.on('error', (error) => fail(new Error(`${what(slot.current?.type)}失败${at()}`, { cause: error })));
    worker.on('exit', (code) => {
      if (total < 0 || done < total) fail(new Error(`${what(slot.current?.type)}的工作线程意外退出（退出码 ${code}）${at()}`));
    });
    slots.push(slot);
    return slot;
  };
  // The first worker takes the data files, the others the lists, each turning to the other kind when its
  // own is done: a worker loads and warms up the Excel writer or the PDF renderer only if it needs it.
  const dataFirst = ['data', 'pdf'] as const;
  const pdfFirst = ['pdf', 'data'] as const;

  /** Every file of the site, lists longest first, from the plans the build holds (else read as the workers read them). */
  async function list(): Promise<{ context: PdfContext & { units: UnitIndex }; pdfs: FileJob[]; data: FileJob[] }> {
    const context = await loadFileContext(inputs, plans);
    const pdfs: FileJob[] = pdfFiles(context)
      .sort((a, b) => b.rows - a.rows)
      .map((f) => ({ type: 'pdf', path: filePath(f), list: f.list, subject: f.subject, key: null }));
    const data: FileJob[] = dataFiles(context).map((f) => ({ type: 'data', path: filePath(f), subject: f.subject, key: null }));
    result.files = pdfs.length;
    result.data = data.length;
    return { context, pdfs, data };
  }
  let listed: ReturnType<typeof list> | undefined;

  // The prestarted worker, until begin() takes it or ends it.
  let waiting = prestarted;
  const unwait = () => {
    if (!waiting) return;
    waiting.detach();
    void waiting.worker.terminate();
    waiting = undefined;
  };

  function begin(folder: string): boolean {
    if (!cold || !plans || slots.length > 0 || plans.reduce((n, p) => n + p.tasks.length, 0) > BEGIN_TASKS) {
      unwait();
      return false;
    }
    aside = folder;
    writingAside = true;
    let slot: Slot;
    if (waiting) {
      const { worker, failed } = waiting;
      waiting.detach();
      waiting = undefined;
      slot = start(pdfFirst, true, worker);
      if (failed) fail(new Error('生成任务清单 PDF 与数据文件的工作线程启动失败', { cause: failed }));
    } else slot = start(pdfFirst, true);
    listed = list();
    listed.then(({ pdfs, data }) => {
      queues = { pdf: pdfs, data };
      total = pdfs.length + data.length;
      send(slot);
    }, (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    return true;
  }

  async function render(): Promise<FileStepResult> {
    unwait();
    for (const { worker } of slots) worker.ref();
    const begun = listed !== undefined;
    // A first build's workers load while the files are listed.
    if (cold) while (slots.length < size) start(slots.length === (begun ? 1 : 0) ? dataFirst : pdfFirst);
    try {
      const { context, pdfs, data } = await (listed ??= list());
      // Every file is keyed here; one whose key is cached is copied, and only the others go to the workers, started as they are needed.
      const missed = (n: number) => {
        while (slots.length < Math.min(size, n)) start(slots.length === 0 ? dataFirst : pdfFirst);
      };
      // A first build has nothing to copy: its workers key what they write (keying here first held every
      // list's layout in this thread too, 0.3 GB and 13 s at 1,000 plans, while the workers waited).
      const jobs = inputs.cache && !cold ? await fromCache([...data, ...pdfs], { out, inputs, context, alignment, result, used, missed }) : [...data, ...pdfs];
      result.unkeyed = inputs.cache ? jobs.filter((job) => job.key === null).length : 0;
      if (!begun) {
        // Workers beyond the files left (of a first build that found them cached after all) are ended unused.
        for (const idle of slots.splice(jobs.length)) {
          idle.worker.removeAllListeners();
          void idle.worker.terminate();
        }
        missed(jobs.length);
        queues = { data: jobs.filter((job) => job.type === 'data'), pdf: jobs.filter((job) => job.type === 'pdf') };
        total = jobs.length;
      }
      result.workers = slots.length;
      // What begin()'s worker wrote aside is moved in; what it writes from now on, as it arrives.
      writingAside = false;
      await Promise.all(written.splice(0).map(moveIn));
      await new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
        if (failure) return reject(failure);
        if (done === total) return resolve();
        for (const slot of slots) if (!slot.current) send(slot);
      });
      // The cache keeps what this build and the two before it used, so it never grows beyond three sites.
      await prunePdfCache(inputs.cache, used, inputs.buildDate);
      return result;
    } finally {
      stop();
    }
  }

  return {
    begin,
    render,
    stop: () => {
      unwait();
      stop();
    },
  };
}

interface Keying {
  out: string;
  inputs: FileInputs;
  context: PdfContext;
  alignment: Promise<Alignment> | undefined;
  result: FileStepResult;
  used: Set<string>;
  /** Called with the number of files found missing so far. */
  missed: (n: number) => void;
}

/** Files copied from the cache at a time. */
const COPIES = 32;

/**
 * Garbage the build's thread may leave while it keys files before collecting
 * it: each list is laid out to be keyed, and left to itself V8 let that
 * layout garbage grow by 1.1 GB at 1,000 plans (more on a busy machine),
 * memory the process then kept while Pagefind ran.
 */
const KEYING_GARBAGE = 384 * 1024 * 1024;

/** Files keyed in the build's thread before it may hand the rest to the workers unkeyed. */
const HANDOFF = 128;

/**
 * Keys every job (src/pdf/cache.ts), copies each one the cache holds into
 * the output folder, and gives back the others, in their order, each with
 * the key its worker keeps it under. A file the fault tests name is always
 * written by a worker.
 */
async function fromCache(jobs: FileJob[], { out, inputs, context, alignment, result, used, missed }: Keying): Promise<FileJob[]> {
  const cache = openPdfCache(inputs.cache);
  const options = { buildDate: inputs.buildDate };
  const keys = dataKeys(context);
  const fault = process.env.PLANBOOK_FAULT_PDF;
  const folders = new Map<string, Promise<unknown>>();
  const copy = async (job: FileJob): Promise<boolean> => {
    if (job.type === 'pdf') {
      let drawn;
      try {
        drawn = pdfDocument(job, context);
      } catch (cause) {
        throw new Error(`${what(job.type)}失败：${job.path}`, { cause });
      }
      job.key = fileKey(job, keys, options, drawn);
    } else job.key = fileKey(job, keys, options, undefined, job.subject.kind === 'comparison-json' ? await alignment : undefined);
    if (job.key === null || fault === job.path || fault === `exit:${job.path}`) return false;
    const file = join(out, job.path);
    const folder = dirname(file);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    const bytes = await cache.copyTo(job.key, job.type, file);
    if (bytes === null) return false;
    used.add(job.key);
    result.bytes += bytes;
    if (job.type === 'pdf') result.cached++;
    else result.dataCached++;
    return true;
  };
  const missing: FileJob[] = [];
  const budget = heapBudget(KEYING_GARBAGE);
  for (let i = 0; i < jobs.length; i += COPIES) {
    // Most of what was keyed so far is missing (another site's cache, a new day, a changed renderer): the
    // rest go to the workers unkeyed, which key each and copy it when cached after all. Keying all of them
    // here held every list's layout beside the workers' (node 5.6 GB at 1,000 plans against 3.5 GB).
    if (i >= HANDOFF && missing.length * 2 > i) {
      missing.push(...jobs.slice(i));
      missed(missing.length);
      break;
    }
    const batch = jobs.slice(i, i + COPIES);
    const copied = await Promise.all(batch.map(copy));
    missing.push(...batch.filter((_, n) => !copied[n]));
    if (missing.length > 0) missed(missing.length);
    budget.check();
  }
  return missing;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A file's cache key: a list's from the document laid out for it (`drawn`),
 * a data file's from what its writer reads (`keys`), comparison.json's from
 * the alignment (null without one: not cached).
 */
export function fileKey(job: FileJob, keys: DataKeys, options: { buildDate: string }, drawn?: ReturnType<typeof pdfDocument>, alignment?: Alignment): string | null {
  if (job.type === 'pdf') return pdfKey(drawn!.doc, drawn!.template, options);
  if (job.subject.kind !== 'comparison-json') return keys(job.subject);
  return alignment ? dataKey(job.subject, sha(JSON.stringify(alignment))) : null;
}

export type DataKeys = ReturnType<typeof dataKeys>;

/**
 * The key of each data file from what its writer reads: a plan's calendar
 * and 进展填报表 read that plan; a unit's, the plans that name the unit (in
 * the site's order); the four downloads of /data/, every plan and the
 * progress records. All read the templates (the site's address, the
 * columns). So an edit to one plan re-writes its own files, its units' and
 * the downloads, and no other plan's or unit's.
 */
export function dataKeys(context: PdfContext): (subject: Exclude<DataSubject, { kind: 'comparison-json' }>) => string {
  const plain = (_: string, value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value);
  const templates = sha(JSON.stringify(context.templates, plain));
  const plans = new Map(context.plans.map((p) => [p.id, sha(JSON.stringify(p))]));
  const progress = sha(JSON.stringify(context.progress.plans.map((p) => [p.plan.id, p.file])));
  const whole = sha(JSON.stringify([[...plans.values()], progress]));
  const naming = new Map<string, string[]>();
  for (const plan of context.plans) {
    for (const name of new Set(plan.tasks.flatMap((t) => t.units.map((u) => u.name)))) {
      let list = naming.get(name);
      if (!list) naming.set(name, (list = []));
      list.push(plans.get(plan.id)!);
    }
  }
  return (subject) => {
    switch (subject.kind) {
      case 'plan-calendar':
      case 'plan-form':
        return dataKey(subject, templates, plans.get(subject.plan) ?? null);
      case 'unit-calendar':
      case 'unit-form':
        return dataKey(subject, templates, naming.get(subject.unit) ?? []);
      default:
        return dataKey(subject, templates, whole);
    }
  };
}

const what = (type: FileJob['type'] | undefined) => (type === 'data' ? '生成数据文件' : '生成任务清单 PDF ');
