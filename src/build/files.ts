/**
 * The build's `files` step: every file of the site that is not a page — the
 * checklist PDFs of `pdfFiles` (src/pdf/catalog.ts) and the data files of
 * `dataFiles` (src/export/catalog.ts: JSON, CSV, Excel, calendars, 进展填报表)
 * — written by a pool of worker threads after Astro has written the pages.
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
 * A first build (no cache yet) keys nothing here: its workers key each file
 * as they write it, from the list they lay out anyway; and when most of the
 * first files keyed here are missing, the rest go to the workers unkeyed
 * too, which copy from the cache any they find there.
 * A file that fails stops the pool and the build (the previous site stays);
 * the workers are ended on every way out, signals included.
 *
 * `PLANBOOK_FAULT_PDF=<path>` makes the worker rendering that file fail
 * (`exit:<path>`: the worker thread exits), for the fault tests.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { UnitIndex } from '../derive/units.ts';
import type { Plan } from '../model/schema.ts';
import { dataKey, MANIFEST, openPdfCache, pdfKey, prunePdfCache } from '../pdf/cache.ts';
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

/** A job as sent to a worker: the file below the output folder and what it shows. */
export type FileJob =
  | { type: 'pdf'; path: string; list: string; subject: PdfSubject; key: string | null }
  | { type: 'data'; path: string; subject: DataSubject; key: string | null; alignment?: Alignment | undefined };

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
}

/**
 * The pool of file workers, one per core. `render()` starts them, after
 * Astro: measured at 20 to 300 plans, workers that loaded while Astro
 * bundled or rendered slowed it by more than they saved after it.
 */
export function createFilePool(out: string, inputs: FileInputs, { plans, alignment }: FilePoolOptions = {}): FilePool {
  const size = Math.max(1, Number(process.env.PLANBOOK_PDF_WORKERS) || availableParallelism());
  const workers: Worker[] = [];
  const stop = () => {
    for (const w of workers) void w.terminate();
  };
  onCleanup(stop);
  // Until render() listens (it lists the files first), a worker that dies is remembered and reported then.
  let early: Error | undefined;

  // A first build (no cache, or no build on its record) renders everything.
  const cold = inputs.cache === null || !existsSync(join(inputs.cache, MANIFEST));
  const start = () => {
    const worker = new Worker(new URL('./files-worker.ts', import.meta.url), { workerData: { out, inputs, fonts: cold } });
    worker.on('error', (error) => (early ??= error));
    worker.on('exit', (code) => (early ??= new Error(`退出码 ${code}`)));
    workers.push(worker);
  };

  async function render(): Promise<FileStepResult> {
    // A first build's workers load while the files are listed.
    if (cold) while (workers.length < size) start();
    try {
      // The list of files, from the plans the build holds (else read as the workers read them).
      const context = await loadFileContext(inputs, plans);
      const pdfs: FileJob[] = pdfFiles(context)
        .sort((a, b) => b.rows - a.rows)
        .map((f) => ({ type: 'pdf', path: filePath(f), list: f.list, subject: f.subject, key: null }));
      const data: FileJob[] = dataFiles(context).map((f) => ({ type: 'data', path: filePath(f), subject: f.subject, key: null }));
      const result: FileStepResult = { files: pdfs.length, data: data.length, bytes: 0, workers: 0, cached: 0, dataCached: 0, times: [], unkeyed: 0 };
      const used = new Set<string>();
      // Every file is keyed here; one whose key is cached is copied, and only the others go to the workers, started as they are needed.
      const missed = (n: number) => {
        while (workers.length < Math.min(size, n)) start();
      };
      // A first build has nothing to copy: its workers key what they write (keying here first held every
      // list's layout in this thread too, 0.3 GB and 13 s at 1,000 plans, while the workers waited).
      const jobs = inputs.cache && !cold ? await fromCache([...data, ...pdfs], { out, inputs, context, alignment, result, used, missed }) : [...data, ...pdfs];
      result.unkeyed = inputs.cache ? jobs.filter((job) => job.key === null).length : 0;
      // comparison.json takes the alignment the pages were rendered with (the build's, src/build/align.ts).
      const shared = await alignment;
      for (const job of jobs) if (job.type === 'data' && job.subject.kind === 'comparison-json') job.alignment = shared;
      // Workers beyond the files left (of a first build that found them cached after all) are ended unused.
      for (const idle of workers.splice(jobs.length)) {
        idle.removeAllListeners();
        void idle.terminate();
      }
      missed(jobs.length);
      const busy = [...workers];
      result.workers = busy.length;
      await new Promise<void>((resolve, reject) => {
        // The first worker takes the data files, the others the lists, each turning to the other kind when
        // its own is done: a worker loads and warms up the Excel writer or the PDF renderer only if it needs it.
        const queues = { data: jobs.filter((job) => job.type === 'data'), pdf: jobs.filter((job) => job.type === 'pdf') };
        const taken = { data: 0, pdf: 0 };
        let done = 0;
        let failed = false;
        const fail = (error: Error) => {
          if (failed) return;
          failed = true;
          reject(error);
        };
        if (early) return fail(new Error('生成任务清单 PDF 与数据文件的工作线程启动失败', { cause: early }));
        if (jobs.length === 0) return resolve();
        busy.forEach((worker, n) => {
          const order = n === 0 ? (['data', 'pdf'] as const) : (['pdf', 'data'] as const);
          let current: FileJob | undefined;
          const send = () => {
            const type = order.find((t) => taken[t] < queues[t].length);
            current = type ? queues[type][taken[type]++] : undefined;
            if (current) worker.postMessage(current);
          };
          worker.on('message', (reply: FileReply) => {
            if (!reply.ok) return fail(new Error(`${what(reply.type)}失败：${reply.path}`, { cause: new Error(reply.message) }));
            result.bytes += reply.bytes;
            if (reply.cached) result[reply.type === 'pdf' ? 'cached' : 'dataCached']++;
            else if (reply.type === 'pdf') result.times.push(reply.ms);
            if (reply.key) used.add(reply.key);
            if (++done === jobs.length) return resolve();
            send();
          });
          worker.on('error', (error) => fail(new Error(`${what(current?.type)}失败${current ? `：${current.path}` : ''}`, { cause: error })));
          worker.on('exit', (code) => {
            if (done < jobs.length) fail(new Error(`${what(current?.type)}的工作线程意外退出（退出码 ${code}）${current ? `：${current.path}` : ''}`));
          });
          send();
        });
      });
      // The cache keeps what this build and the two before it used, so it never grows beyond three sites.
      await prunePdfCache(inputs.cache, used);
      return result;
    } finally {
      stop();
    }
  }

  return { render, stop };
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
