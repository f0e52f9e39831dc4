/**
 * Import time per page for the files staff hand over: the five seed plans
 * as Word files (Word's automatic numbering) and as the PDFs LibreOffice
 * prints from them, beside their text files. Pages are the printed pages of
 * each PDF; every format is imported whole (reading the file included) in
 * seven rounds, and the table shows the median with the fastest and slowest
 * round. Making the files (docx package, LibreOffice) is not timed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { importFile } from '../src/import/sources/import-file.ts';
import { makeDocx, printToPdf } from '../test/unit/import/sources/office.ts';
import { seedBlocks } from '../test/unit/import/sources/seed.ts';
import { round } from './lib/measure.ts';
import type { BenchContext, BenchResults } from './lib/types.ts';

const IDS = ['yueyang', 'miaohang', 'changning', 'xiangxiang', 'puxinglu'];
const ROUNDS = 7;

export async function run(ctx: BenchContext): Promise<BenchResults> {
  const texts = IDS.map((id) => new Uint8Array(readFileSync(join(ctx.root, 'test/fixtures/import/plans', `${id}.txt`))));
  const docs = await Promise.all(texts.map((raw) => {
    const { blocks, lists } = seedBlocks(raw, true);
    return makeDocx(blocks, { header: '安全生产治本攻坚三年行动实施方案', lists });
  }));
  ctx.log('用 LibreOffice 把五个 Word 文件打印为 PDF');
  const pdfs = printToPdf(docs);
  const pages = (await Promise.all(pdfs.map(async (pdf) => (await PDFDocument.load(pdf)).getPageCount()))).reduce((a, b) => a + b, 0);
  ctx.log(`五个方案共 ${pages} 页`);

  const results: BenchResults = { 'five plans: size (pages)': pages };
  for (const [format, files] of [['txt', texts], ['docx', docs], ['pdf', pdfs]] as const) {
    const times: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const started = performance.now();
      let tasks = 0;
      for (const [i, bytes] of files.entries()) {
        const result = await importFile(bytes, { id: IDS[i]!, path: `${IDS[i]}.${format}` });
        tasks += result.markdown?.match(/^\d+\. /gm)?.length ?? 0;
      }
      if (tasks !== 141) throw new Error(`${format}: ${tasks} tasks imported, expected 141`);
      if (round > 0) times.push(performance.now() - started); // round 0 warms up
    }
    times.sort((a, b) => a - b);
    const perPage = (ms: number) => round(ms / pages);
    results[`${format} import per page, median (ms)`] = perPage(times[Math.floor(times.length / 2)]!);
    results[`${format} import per page, fastest–slowest (ms)`] = `${perPage(times[0]!)}–${perPage(times.at(-1)!)}`;
  }
  return results;
}
