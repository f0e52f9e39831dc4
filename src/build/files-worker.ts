/**
 * A worker of the build's files pool (src/build/files.ts): loads the model
 * once (the fonts when a PDF first needs rendering), then writes each file
 * it is sent into the output folder and answers with its size, time and
 * cache key, or with the error's message. The build sends the files its
 * cache (src/pdf/cache.ts) does not hold, each with its key, and the files it
 * did not key: the worker keys those, copies one the cache holds, and
 * otherwise renders the list or writes the data file (src/export/catalog.ts)
 * and keeps it in the cache under its key. A job may name another folder
 * to write into (`into`: the pool's files written while Astro builds the
 * pages, which it moves in after them).
 */
import { readlinkSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { constants, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { renderDataFile } from '../export/catalog.ts';
import { openPdfCache } from '../pdf/cache.ts';
import { prepareFonts } from '../pdf/fonts.ts';
import { pdfDocument } from '../pdf/document.ts';
import { renderTaskList } from '../pdf/render.ts';
import { dataKeys, fileKey, loadFileContext, type FileInputs, type FileJob, type FileReply } from './files.ts';

const { out, inputs, fonts: early, background, wait } = workerData as { out: string; inputs: FileInputs; fonts: boolean; background: boolean; wait: boolean };
// A worker started while Astro builds the pages runs at the lowest priority: it takes only idle cores.
if (background) lowerPriority();
// Loaded at once, while the build lists the files; the first job waits for it. A worker started before
// the content check (`wait`) loads it with its first job: the plans are written after the check.
let context: ReturnType<typeof loadFileContext> | undefined;
const loaded = () => {
  if (!context) {
    context = loadFileContext(inputs);
    context.catch(() => {});
  }
  return context;
};
if (!wait) loaded();
// The font faces at once in a first build, which renders every list; else only when a list is to be
// rendered: a worker sent only data files never loads them.
let fonts: ReturnType<typeof prepareFonts> | undefined = early ? prepareFonts() : undefined;
fonts?.catch(() => {});
const cache = openPdfCache(inputs.cache);
let keys: ReturnType<typeof dataKeys> | undefined;
const options = { buildDate: inputs.buildDate };
const fault = process.env.PLANBOOK_FAULT_PDF;

async function render(job: FileJob): Promise<FileReply> {
  try {
    const start = performance.now();
    if (fault === job.path) throw new Error('PLANBOOK_FAULT_PDF 指定这个文件失败（用于测试）');
    if (fault === `exit:${job.path}`) process.exit(3);
    const file = join(job.into ?? out, job.path);
    const drawn = job.type === 'pdf' ? pdfDocument(job, await loaded()) : undefined;
    // Files sent unkeyed (a first build, or most of the first files missing from the cache) are keyed here,
    // as the build would have (src/build/files.ts), and copied when the cache holds them after all.
    if (inputs.cache !== null && job.key === null) {
      job.key = fileKey(job, (keys ??= dataKeys(await loaded())), options, drawn, job.type === 'data' ? job.alignment : undefined);
      if (job.key !== null) {
        await mkdir(dirname(file), { recursive: true });
        const copied = await cache.copyTo(job.key, job.type, file);
        if (copied !== null) return { ok: true, type: job.type, path: job.path, bytes: copied, ms: performance.now() - start, key: job.key, cached: true };
      }
    }
    let bytes: Uint8Array | string;
    if (job.type === 'data') bytes = await renderDataFile(job.subject, { ...(await loaded()), alignment: job.alignment });
    else {
      await (fonts ??= prepareFonts());
      bytes = (await renderTaskList(drawn!.doc, drawn!.template, options)).bytes;
    }
    // Kept under its key, so the next build with the same content copies it.
    if (job.key) await cache.put(job.key, bytes, job.type);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    return { ok: true, type: job.type, path: job.path, bytes: size, ms: performance.now() - start, key: job.key, cached: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, type: job.type, path: job.path, message };
  }
}

/**
 * This thread (not the build's process) to nice 19, on Linux, where a
 * thread has its own priority: /proc/thread-self names its id. Elsewhere it
 * keeps the process's.
 */
function lowerPriority(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (thread > 0) setPriority(thread, constants.priority.PRIORITY_LOW);
  } catch {
    // No such file outside Linux.
  }
}

parentPort!.on('message', (job: FileJob) => {
  void render(job).then((reply) => parentPort!.postMessage(reply));
});
