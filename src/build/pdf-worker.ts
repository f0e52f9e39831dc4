/**
 * A worker of the build's PDF pool (src/build/pdf.ts): loads the model and
 * the fonts once, then renders each file it is sent into the output folder and answers with
 * its size and time, or with the error's message.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { prepareFonts } from '../pdf/fonts.ts';
import { renderPdfFile } from '../pdf/index.ts';
import { loadPdfContext, type PdfInputs, type PdfJob, type PdfReply } from './pdf.ts';

const { out, inputs } = workerData as { out: string; inputs: PdfInputs };
// Loaded at once, while Astro still writes the pages; the first job waits for it.
const context = loadPdfContext(inputs);
const fonts = prepareFonts();
context.catch(() => {});
fonts.catch(() => {});
const fault = process.env.PLANBOOK_FAULT_PDF;

async function render(job: PdfJob): Promise<PdfReply> {
  try {
    const start = performance.now();
    if (fault === job.path) throw new Error('PLANBOOK_FAULT_PDF 指定这个文件失败（用于测试）');
    if (fault === `exit:${job.path}`) process.exit(3);
    await fonts;
    const bytes = await renderPdfFile(job, await context, { buildDate: inputs.buildDate });
    const file = join(out, job.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return { ok: true, path: job.path, bytes: bytes.length, ms: performance.now() - start };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, path: job.path, message };
  }
}

parentPort!.on('message', (job: PdfJob) => {
  void render(job).then((reply) => parentPort!.postMessage(reply));
});
