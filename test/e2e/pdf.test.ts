import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { unitSlug } from '../../src/derive/units.ts';
import { loadPlans } from '../../src/load/plans.ts';
import type { Plan } from '../../src/model/schema.ts';
import { planYears } from '../../src/pdf/index.ts';
import { taskColumnText } from '../unit/pdf/checks.ts';
import { pdfFonts, pdfText } from '../unit/pdf/poppler.ts';

const base = inject('baseURL');
let plans: Plan[] = [];
beforeAll(async () => {
  plans = (await loadPlans(process.env.PLANBOOK_CONTENT ?? 'content/plans')).plans;
});

/** A request on a keep-alive socket the server has just closed fails once; the retry opens a new one. */
async function get(url: URL): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

async function getPdf(path: string): Promise<Uint8Array> {
  const res = await get(new URL(encodeURI(path), base));
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toContain('application/pdf');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(0, 5)), path).toBe('%PDF-');
  return bytes;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('PDF task lists in the built site', () => {
  test('each plan has a task list with every task title, in order, in searchable text', async () => {
    // Fetch first, then read back: pdftotext blocks, and an idle keep-alive socket may close meanwhile.
    const files = [];
    for (const plan of plans) files.push(await getPdf(`/pdf/${plan.id}.pdf`));
    for (const [i, plan] of plans.entries()) {
      const bytes = files[i]!;
      expect(squash(pdfText(bytes))).toContain(squash(plan.title));
      const text = taskColumnText(bytes);
      let at = 0;
      for (const task of plan.tasks) {
        const found = text.indexOf(squash(task.title), at);
        expect(found, `${plan.id} task ${task.number}`).toBeGreaterThanOrEqual(at);
        at = found;
      }
      for (const font of pdfFonts(bytes)) expect([font.emb, font.uni]).toEqual(['yes', 'yes']);
    }
  });

  test('each plan has one list per year of its period', async () => {
    const files: Array<[number, Uint8Array]> = [];
    for (const plan of plans) for (const year of planYears(plan)) files.push([year, await getPdf(`/pdf/${plan.id}-${year}.pdf`)]);
    expect(files.length).toBeGreaterThanOrEqual(plans.length);
    for (const [year, bytes] of files) expect(squash(pdfText(bytes))).toMatch(new RegExp(`${year}年度.*任务清单`));
  });

  test('each unit named in a task has a list under /pdf/units/', async () => {
    const names = new Map<string, string>();
    for (const u of plans.flatMap((p) => p.tasks.flatMap((t) => t.units))) names.set(unitSlug(u.name), u.name);
    expect(names.size).toBeGreaterThan(0);
    const files: Array<[string, Uint8Array]> = [];
    for (const [slug, name] of names) files.push([name, await getPdf(`/pdf/units/${slug}.pdf`)]);
    for (const [name, bytes] of files) expect(squash(pdfText(bytes))).toContain(squash(name));
  });

  test('each plan page links to its task list PDF', async () => {
    for (const plan of plans) {
      const html = await (await get(new URL(`/plans/${plan.id}/`, base))).text();
      expect(html, plan.id).toContain(`href="/pdf/${plan.id}.pdf"`);
    }
  });

  test('every PDF the build wrote is linked from a page, and every linked PDF was written', () => {
    const dist = resolve(process.env.PLANBOOK_DIST ?? 'dist');
    const entries = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const written = entries.filter((e) => e.name.endsWith('.pdf')).map((e) => relative(dist, join(e.parentPath, e.name))).sort();
    const linked = new Set<string>();
    for (const e of entries.filter((x) => x.name.endsWith('.html'))) {
      for (const [, href] of readFileSync(join(e.parentPath, e.name), 'utf8').matchAll(/href="\/([^"#?]+\.pdf)"/g)) linked.add(decodeURI(href!));
    }
    expect(written.length).toBeGreaterThan(plans.length);
    expect([...linked].sort()).toEqual(written);
  });
});
