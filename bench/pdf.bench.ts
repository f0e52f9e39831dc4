/**
 * PDF task lists: generation time and size per PDF and for the whole set
 * (every plan, plan-year and unit list of the five plans), and the cost of
 * font subsetting. `run(ctx)` returns the record; run the file directly to
 * print every PDF's numbers.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext, BenchResults } from './lib/types.ts';
import { unitSlug } from '../src/derive/units.ts';
import { loadPlans } from '../src/load/plans.ts';
import { subsetFonts } from '../src/pdf/fonts.ts';
import { planTaskList, planYears, renderTaskList, unitTaskList, yearTaskList, type TaskListDoc } from '../src/pdf/index.ts';
import { loadTemplates } from '../src/templates/load.ts';
import type { ChecklistTemplate } from '../src/templates/schema.ts';

interface PdfRecord {
  file: string;
  ms: number;
  bytes: number;
  pages: number;
}

export async function run(ctx: Pick<BenchContext, 'fivePlansDir' | 'log'>): Promise<BenchResults> {
  const { records, ...results } = await measure(ctx);
  void records;
  return results;
}

async function measure(ctx: Pick<BenchContext, 'fivePlansDir' | 'log'>) {
  const { plans } = await loadPlans(ctx.fivePlansDir);
  const options = { buildDate: '2026-11-23' };
  const all = plans.map((p) => JSON.stringify(p.tasks) + p.title).join('');

  // Subsetting: the first call loads both faces (about 10 MB each) and the wasm module.
  let t = performance.now();
  await subsetFonts('安全', '安全');
  const firstSubsetMs = performance.now() - t;
  t = performance.now();
  const one = await subsetFonts(JSON.stringify(plans[0]!.tasks), plans[0]!.title);
  const planSubsetMs = performance.now() - t;
  t = performance.now();
  const shared = await subsetFonts(all, all);
  const sharedSubsetMs = performance.now() - t;

  const { templates } = await loadTemplates(process.cwd());
  const list = (kind: string) => templates!.checklists.get(kind)!;
  const docs: Array<[string, TaskListDoc, ChecklistTemplate]> = [];
  for (const plan of plans) {
    docs.push([`/pdf/${plan.id}.pdf`, planTaskList(plan), list('plan')]);
    for (const year of planYears(plan)) docs.push([`/pdf/${plan.id}-${year}.pdf`, yearTaskList(plan, year), list('year')]);
  }
  const units = new Map<string, string>();
  for (const u of plans.flatMap((p) => p.tasks.flatMap((x) => x.units))) units.set(unitSlug(u.name), u.name);
  for (const [slug, name] of units) docs.push([`/pdf/units/${slug}.pdf`, unitTaskList(name, plans), list('unit')]);

  const records: PdfRecord[] = [];
  const start = performance.now();
  for (const [file, doc, template] of docs) {
    const s = performance.now();
    const { bytes, layout } = await renderTaskList(doc, template, options);
    records.push({ file, ms: Math.round(performance.now() - s), bytes: bytes.length, pages: layout.pages.length });
  }
  const totalMs = performance.now() - start;
  const sum = (rs: PdfRecord[]) => rs.reduce((n, r) => n + r.bytes, 0);
  const group = (prefix: RegExp) => {
    const rs = records.filter((r) => prefix.test(r.file));
    return { count: rs.length, bytes: sum(rs), ms: rs.reduce((n, r) => n + r.ms, 0), maxBytes: Math.max(...rs.map((r) => r.bytes)) };
  };
  const plan = group(/^\/pdf\/[a-z]+\.pdf$/);
  const year = group(/-\d{4}\.pdf$/);
  const unit = group(/^\/pdf\/units\//);
  const kb = (n: number) => Math.round(n / 1024);
  ctx.log(`${records.length} 个 PDF，${kb(sum(records))} KB`);
  return {
    'subset, first call incl. font load (ms)': Math.round(firstSubsetMs),
    'subset, one plan’s characters (ms)': Math.round(planSubsetMs),
    'subset, one plan’s characters (KB)': kb(one.regular.length + one.bold.length),
    'subset, all five plans’ characters (ms)': Math.round(sharedSubsetMs),
    'subset, all five plans’ characters (KB)': kb(shared.regular.length + shared.bold.length),
    'plan PDFs (count)': plan.count,
    'plan PDF, mean time (ms)': Math.round(plan.ms / plan.count),
    'plan PDF, mean size (KB)': kb(plan.bytes / plan.count),
    'plan PDF, largest (KB)': kb(plan.maxBytes),
    'year PDFs (count)': year.count,
    'year PDF, mean time (ms)': Math.round(year.ms / year.count),
    'year PDF, mean size (KB)': kb(year.bytes / year.count),
    'unit PDFs (count)': unit.count,
    'unit PDF, mean time (ms)': Math.round(unit.ms / unit.count),
    'unit PDF, mean size (KB)': kb(unit.bytes / unit.count),
    'all PDFs, time (s)': Number((totalMs / 1000).toFixed(1)),
    'all PDFs, size (MB)': Number((sum(records) / 1024 / 1024).toFixed(2)),
    'all PDFs, pages (count)': records.reduce((n, r) => n + r.pages, 0),
    records,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { records, ...results } = await measure({ fivePlansDir: resolve('content/plans'), log: (line) => console.error(line) });
  for (const r of records) console.log(`${r.file}\t${r.ms} ms\t${Math.round(r.bytes / 1024)} KB\t${r.pages} 页`);
  console.log(JSON.stringify(results, null, 2));
}
