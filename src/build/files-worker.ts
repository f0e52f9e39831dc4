/**
 * A worker of the build's files pool (src/build/files.ts): loads the model
 * once (the fonts when a PDF first needs rendering), then writes each file
 * it is sent into the output folder and answers with its size, time and
 * cache key, or with the error's message. The build sends only the files
 * its cache (src/pdf/cache.ts) does not hold, each with its key: the worker
 * renders the list or writes the data file (src/export/catalog.ts) and keeps
 * it in the cache under that key.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { renderDataFile } from '../export/catalog.ts';
import { openPdfCache } from '../pdf/cache.ts';
import { prepareFonts } from '../pdf/fonts.ts';
import { pdfDocument } from '../pdf/document.ts';
import { renderTaskList } from '../pdf/render.ts';
import { dataKeys, fileKey, loadFileContext, type FileInputs, type FileJob, type FileReply } from './files.ts';

const { out, inputs } = workerData as { out: string; inputs: FileInputs };
// Loaded at once, while the build lists the files; the first job waits for it.
const context = loadFileContext(inputs);
context.catch(() => {});
// The font faces only when a list is to be rendered: a worker sent only data files never loads them.
let fonts: ReturnType<typeof prepareFonts> | undefined;
const cache = openPdfCache(inputs.cache);
let keys: ReturnType<typeof dataKeys> | undefined;
const options = { buildDate: inputs.buildDate };
const fault = process.env.PLANBOOK_FAULT_PDF;

async function render(job: FileJob): Promise<FileReply> {
  try {
    const start = performance.now();
    if (fault === job.path) throw new Error('PLANBOOK_FAULT_PDF 指定这个文件失败（用于测试）');
    if (fault === `exit:${job.path}`) process.exit(3);
    let bytes: Uint8Array | string;
    // A first build sends its files unkeyed: each is keyed here, as the build would have (src/build/files.ts).
    const keyed = inputs.cache !== null && job.key === null;
    if (job.type === 'data') {
      bytes = await renderDataFile(job.subject, { ...(await context), alignment: job.alignment });
      if (keyed) job.key = fileKey(job, (keys ??= dataKeys(await context)), options, undefined, job.alignment);
    } else {
      const drawn = pdfDocument(job, await context);
      if (keyed) job.key = fileKey(job, (keys ??= dataKeys(await context)), options, drawn);
      await (fonts ??= prepareFonts());
      bytes = (await renderTaskList(drawn.doc, drawn.template, options)).bytes;
    }
    // Kept under the key the build gave it, so the next build with the same content copies it.
    if (job.key) await cache.put(job.key, bytes, job.type);
    const file = join(out, job.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    return { ok: true, type: job.type, path: job.path, bytes: size, ms: performance.now() - start, key: job.key };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, type: job.type, path: job.path, message };
  }
}

parentPort!.on('message', (job: FileJob) => {
  void render(job).then((reply) => parentPort!.postMessage(reply));
});
