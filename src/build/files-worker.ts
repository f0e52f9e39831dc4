/**
 * A worker of the build's files pool (src/build/files.ts): loads the model
 * once (the fonts when a PDF first needs rendering), then writes each file
 * it is sent into the output folder and answers with its size, time and
 * (for a PDF) cache key, or with the error's message. A PDF comes from the
 * PDF cache (src/pdf/cache.ts) when its list is unchanged, else it is
 * rendered and cached; a data file (src/export/catalog.ts) is written afresh.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { renderDataFile } from '../export/catalog.ts';
import { openPdfCache, pdfKey } from '../pdf/cache.ts';
import { prepareFonts } from '../pdf/fonts.ts';
import { pdfDocument } from '../pdf/index.ts';
import { renderTaskList } from '../pdf/render.ts';
import { loadFileContext, type FileInputs, type FileJob, type FileReply } from './files.ts';

const { out, inputs } = workerData as { out: string; inputs: FileInputs };
// Loaded at once, while the build lists the files; the first job waits for it.
const context = loadFileContext(inputs);
context.catch(() => {});
// The font faces only when a list is not in the cache: a rebuild that copies every PDF never loads them.
let fonts: ReturnType<typeof prepareFonts> | undefined;
const cache = openPdfCache(inputs.cache);
const options = { buildDate: inputs.buildDate };
const fault = process.env.PLANBOOK_FAULT_PDF;

async function render(job: FileJob): Promise<FileReply> {
  try {
    const start = performance.now();
    if (fault === job.path) throw new Error('PLANBOOK_FAULT_PDF 指定这个文件失败（用于测试）');
    if (fault === `exit:${job.path}`) process.exit(3);
    let bytes: Uint8Array | string;
    let key: string | null = null;
    let cached = false;
    if (job.type === 'data') {
      bytes = await renderDataFile(job.subject, { ...(await context), alignment: job.alignment });
    } else {
      // A list drawn from the same content, template, date and renderer as in an earlier build is copied from the cache.
      const { doc, template } = pdfDocument(job, await context);
      key = pdfKey(doc, template, options);
      const hit = await cache.get(key);
      cached = hit !== null;
      if (hit) bytes = hit;
      else {
        await (fonts ??= prepareFonts());
        bytes = (await renderTaskList(doc, template, options)).bytes;
        await cache.put(key, bytes);
      }
    }
    const file = join(out, job.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    return { ok: true, type: job.type, path: job.path, bytes: size, ms: performance.now() - start, key, cached };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, type: job.type, path: job.path, message };
  }
}

parentPort!.on('message', (job: FileJob) => {
  void render(job).then((reply) => parentPort!.postMessage(reply));
});
