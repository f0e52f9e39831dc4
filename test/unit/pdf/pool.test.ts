/**
 * The build's PDF step (src/build/pdf.ts) on the five real plans and their
 * progress records, with a checklist an office added: real worker threads
 * write exactly the files of `pdfFiles`, byte for byte what one thread
 * renders, and a file that fails rejects with a Chinese message.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadPdfContext, pdfPath, startPdfPool, type PdfInputs } from '../../../src/build/pdf.ts';
import { loadPlans } from '../../../src/load/plans.ts';
import { pdfFiles } from '../../../src/pdf/catalog.ts';
import { renderPdfFile } from '../../../src/pdf/index.ts';

const root = resolve(import.meta.dirname, '../../..');
let dir = '';
let inputs: PdfInputs;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planbook-pdf-pool-'));
  // The project's templates plus a 季度 list an office added (kind: year).
  await cp(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  const year = await readFile(join(root, 'templates/checklists/year.yml'), 'utf8');
  await writeFile(join(dir, 'templates/checklists/quarterly.yml'), year.replace(/^title: .*$/m, "title: '{方案}{年度}年度季度检查表'"));
  const { plans } = await loadPlans(join(root, 'content/plans'));
  await writeFile(join(dir, 'plans.json'), JSON.stringify(plans));
  inputs = { root: dir, parsed: join(dir, 'plans.json'), progress: join(root, 'content/progress'), buildDate: '2026-11-23' };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name))).sort();
}

describe('the PDF step', () => {
  test('workers write every file of the catalog and nothing else, each as one thread renders it', async () => {
    const out = join(dir, 'site');
    const result = await startPdfPool(out, inputs).render();
    const context = await loadPdfContext(inputs);
    const files = pdfFiles(context);
    expect(await filesBelow(out)).toEqual(files.map(pdfPath).sort());
    expect(result.files).toBe(files.length);
    expect(result.times).toHaveLength(files.length);

    // The site's own lists and the added one, for each plan, year and unit.
    const paths = new Set(files.map(pdfPath));
    for (const plan of context.plans) {
      expect(paths).toContain(`pdf/${plan.id}.pdf`);
      for (let y = plan.period[0]; y <= plan.period[1]; y++) expect(paths).toContain(`pdf/quarterly/${plan.id}-${y}.pdf`);
    }
    expect(files.filter((f) => f.subject.kind === 'plan-progress')).toHaveLength(context.progress.plans.length);

    for (const file of files.filter((_, i) => i % 9 === 0)) {
      const single = await renderPdfFile(file, context, { buildDate: inputs.buildDate });
      expect(Buffer.compare(await readFile(join(out, pdfPath(file))), Buffer.from(single)), pdfPath(file)).toBe(0);
    }
  });

  test('a file that fails stops the pool with its path and the cause', async () => {
    process.env.PLANBOOK_FAULT_PDF = 'pdf/miaohang.pdf';
    try {
      const pool = startPdfPool(join(dir, 'failed'), inputs);
      await expect(pool.render()).rejects.toThrow('生成任务清单 PDF 失败：pdf/miaohang.pdf');
    } finally {
      delete process.env.PLANBOOK_FAULT_PDF;
    }
  });

  test('a worker that exits stops the pool, naming the file it had', async () => {
    process.env.PLANBOOK_FAULT_PDF = 'exit:pdf/miaohang.pdf';
    try {
      const pool = startPdfPool(join(dir, 'exited'), inputs);
      await expect(pool.render()).rejects.toThrow(/工作线程意外退出（退出码 3）：pdf\/miaohang\.pdf/);
    } finally {
      delete process.env.PLANBOOK_FAULT_PDF;
    }
  });
});
