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
 * one at a time, the data files and then the longest lists first, so the
 * workers finish together. A list unchanged since an earlier build (same content, template, date and
 * renderer: the key of src/pdf/cache.ts) is copied from the cache instead.
 * A file that fails stops the pool and the build (the previous site stays);
 * the workers are ended on every way out, signals included.
 *
 * `PLANBOOK_FAULT_PDF=<path>` makes the worker rendering that file fail
 * (`exit:<path>`: the worker thread exits), for the fault tests.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { UnitIndex } from '../derive/units.ts';
import type { Plan } from '../model/schema.ts';
import { prunePdfCache } from '../pdf/cache.ts';
import type { Alignment } from '../align/types.ts';
import { dataFiles, type DataSubject } from '../export/catalog.ts';
import { pdfFiles, type PdfFile, type PdfSubject } from '../pdf/catalog.ts';
import type { PdfContext } from '../pdf/index.ts';
import { loadProgress } from '../progress/load.ts';
import { createProgress } from '../progress/view.ts';
import { withoutBase } from '../site/base.ts';
import { siteModel } from '../site/model.ts';
import { getTemplates } from '../site/templates.ts';
import { onCleanup } from './scratch.ts';

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
  | { type: 'pdf'; path: string; list: string; subject: PdfSubject }
  | { type: 'data'; path: string; subject: DataSubject; alignment?: Alignment | undefined };

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
  /** Files copied from the cache, their lists unchanged since an earlier build. */
  cached: number;
  /** Time of each PDF in its worker (ms), rendered or copied. */
  times: number[];
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

  async function render(): Promise<FileStepResult> {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./files-worker.ts', import.meta.url), { workerData: { out, inputs } });
      worker.on('error', (error) => (early ??= error));
      worker.on('exit', (code) => (early ??= new Error(`退出码 ${code}`)));
      workers.push(worker);
    }
    // The list of files, from the plans the build holds (else read as the workers read them).
    const context = await loadFileContext(inputs, plans);
    const pdfs: FileJob[] = pdfFiles(context)
      .sort((a, b) => b.rows - a.rows)
      .map((f) => ({ type: 'pdf', path: filePath(f), list: f.list, subject: f.subject }));
    // comparison.json takes the alignment the pages were rendered with (the build's, src/build/align.ts).
    const shared = await alignment;
    const data: FileJob[] = dataFiles(context).map((f) => ({
      type: 'data',
      path: filePath(f),
      subject: f.subject,
      ...(f.subject.kind === 'comparison-json' ? { alignment: shared } : {}),
    }));
    const jobs = [...data, ...pdfs];
    const busy = workers.slice(0, Math.min(workers.length, jobs.length));
    const result: FileStepResult = { files: pdfs.length, data: data.length, bytes: 0, workers: busy.length, cached: 0, times: [] };
    const used = new Set<string>();
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        let failed = false;
        const fail = (error: Error) => {
          if (failed) return;
          failed = true;
          reject(error);
        };
        if (early) return fail(new Error('生成任务清单 PDF 与数据文件的工作线程启动失败', { cause: early }));
        if (jobs.length === 0) return resolve();
        for (const worker of busy) {
          let current: FileJob | undefined;
          const send = () => {
            current = jobs[next];
            if (next < jobs.length) worker.postMessage(jobs[next++]);
          };
          worker.on('message', (reply: FileReply) => {
            if (!reply.ok) return fail(new Error(`${what(reply.type)}失败：${reply.path}`, { cause: new Error(reply.message) }));
            result.bytes += reply.bytes;
            if (reply.type === 'pdf') result.times.push(reply.ms);
            if (reply.key) used.add(reply.key);
            if (reply.cached) result.cached++;
            if (++done === jobs.length) return resolve();
            send();
          });
          worker.on('error', (error) => fail(new Error(`${what(current?.type)}失败${current ? `：${current.path}` : ''}`, { cause: error })));
          worker.on('exit', (code) => {
            if (done < jobs.length) fail(new Error(`${what(current?.type)}的工作线程意外退出（退出码 ${code}）${current ? `：${current.path}` : ''}`));
          });
          send();
        }
      });
    } finally {
      stop();
    }
    // The cache keeps what this build and the two before it used, so it never grows beyond three sites.
    await prunePdfCache(inputs.cache, used);
    return result;
  }

  return { render, stop };
}

const what = (type: FileJob['type'] | undefined) => (type === 'data' ? '生成数据文件' : '生成任务清单 PDF ');
