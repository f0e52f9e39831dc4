/**
 * A worker of the build's PDF pool (src/build/pdf.ts): loads the model and
 * the fonts once, then writes each file it is sent into the output folder —
 * from the PDF cache (src/pdf/cache.ts) when its list is unchanged, else
 * rendered and cached — and answers with its size, time and cache key, or
 * with the error's message.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { openPdfCache, pdfKey } from '../pdf/cache.ts';
import { prepareFonts } from '../pdf/fonts.ts';
import { pdfDocument } from '../pdf/index.ts';
import { renderTaskList } from '../pdf/render.ts';
import { loadPdfContext, type PdfInputs, type PdfJob, type PdfReply } from './pdf.ts';

const { out, inputs } = workerData as { out: string; inputs: PdfInputs };
// Loaded at once, while Astro still writes the pages; the first job waits for it.
const context = loadPdfContext(inputs);
const fonts = prepareFonts();
context.catch(() => {});
fonts.catch(() => {});
const cache = openPdfCache(inputs.cache);
const options = { buildDate: inputs.buildDate };
const fault = process.env.PLANBOOK_FAULT_PDF;

async function render(job: PdfJob): Promise<PdfReply> {
  try {
    const start = performance.now();
    if (fault === job.path) throw new Error('PLANBOOK_FAULT_PDF 指定这个文件失败（用于测试）');
    if (fault === `exit:${job.path}`) process.exit(3);
    // A list drawn from the same content, template, date and renderer as in an earlier build is copied from the cache.
    const { doc, template } = pdfDocument(job, await context);
    const key = pdfKey(doc, template, options);
    const cached = await cache.get(key);
    let bytes = cached;
    if (!bytes) {
      await fonts;
      bytes = (await renderTaskList(doc, template, options)).bytes;
      await cache.put(key, bytes);
    }
    const file = join(out, job.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return { ok: true, path: job.path, bytes: bytes.length, ms: performance.now() - start, key, cached: cached !== null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, path: job.path, message };
  }
}

parentPort!.on('message', (job: PdfJob) => {
  void render(job).then((reply) => parentPort!.postMessage(reply));
});
