import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateCorpus, type CorpusPlan, type SourcePlan } from '../../../src/corpus/index.ts';
import { FrontMatterSchema } from '../../../src/model/schema.ts';
import { readSources } from '../../../src/corpus/files.ts';
import { parsePlan } from '../../../src/parse/index.ts';

const sources: SourcePlan[] = ['yueyang', 'xiangxiang'].map((id) => ({
  id,
  markdown: readFileSync(new URL(`../../fixtures/corpus/${id}.md`, import.meta.url), 'utf8'),
}));

function frontMatter(plan: CorpusPlan) {
  return FrontMatterSchema.parse(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(plan.markdown)![1]!));
}

/** Task numbers in document order, from list items and table rows. */
function taskNumbers(markdown: string): number[] {
  return [...markdown.matchAll(/^(\d+)\. |^\| (\d+) \|/gm)].map((match) => Number(match[1] ?? match[2]));
}

describe('generateCorpus', () => {
  const corpus = generateCorpus(sources, 60);

  test('makes the same files from the same sources and seed', () => {
    expect(generateCorpus(sources, 5)).toEqual(corpus.slice(0, 5));
    expect(generateCorpus(sources, 5, { seed: 7 })).not.toEqual(corpus.slice(0, 5));
  });

  test('gives every plan valid front matter with a unique id that names the file', () => {
    const ids = corpus.map((plan) => frontMatter(plan).id);
    expect(ids).toEqual(corpus.map((plan) => plan.id));
    expect(new Set(ids).size).toBe(corpus.length);
  });

  test('moves the three-year period within 2024–2030 and the title with it', () => {
    const periods = corpus.map((plan) => frontMatter(plan).period);
    for (const [from, to] of periods) {
      expect(to - from).toBe(2);
      expect(from).toBeGreaterThanOrEqual(2024);
      expect(to).toBeLessThanOrEqual(2030);
    }
    expect(new Set(periods.map(([from]) => from)).size).toBeGreaterThan(2);
    for (const plan of corpus) {
      const { title, period } = frontMatter(plan);
      expect(title).toContain(String(period[0]));
    }
  });

  test('renames the places so no source place name is left', () => {
    for (const plan of corpus) {
      for (const name of ['岳阳街道', '松江区', '湘乡市', '湘潭市', '湖南省']) expect(plan.markdown).not.toContain(name);
      const { name, jurisdiction } = frontMatter(plan);
      expect(jurisdiction.at(-1)).toBe(name);
      expect(plan.markdown).toContain(`# ${name}`);
    }
  });

  test('numbers tasks 1, 2, 3 … through each plan by default', () => {
    for (const plan of corpus) {
      const numbers = taskNumbers(plan.markdown);
      expect(numbers.length).toBeGreaterThan(5);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  test('restarts numbering in every action when asked', () => {
    const restarted = generateCorpus(sources, 4, { restart: 1 });
    for (const plan of restarted) {
      const actions = plan.markdown.split(/^### （/m).slice(1);
      for (const action of actions) {
        const numbers = taskNumbers(action);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
    }
  });

  test('varies task counts, units, deadline months and sometimes writes tasks as a table', () => {
    const counts = new Set(corpus.map((plan) => taskNumbers(plan.markdown).length));
    expect(counts.size).toBeGreaterThan(5);
    const all = corpus.map((plan) => plan.markdown).join('\n');
    expect(all).toMatch(/牵头，[^。]+参与。/);
    expect(all).toMatch(/（[^（）]+牵头负责(，[^（）]+配合)?）。/);
    expect(all).toMatch(/\d{4}年(?:[3-9]|1[0-2])月底前/);
    expect(all).toContain('| 序号 | 工作任务 | 责任单位 | 完成时限 |');
  });

  test('never writes an empty task', () => {
    for (const plan of corpus) expect(plan.markdown).not.toMatch(/^\d+\. *$/m);
  });

  test('writes plans the parser reads without a single message, from the five plans as the bench makes them', async () => {
    const five = await readSources(new URL('../../../content/plans', import.meta.url).pathname);
    for (const plan of generateCorpus(five, 300)) {
      const { messages } = parsePlan(plan.markdown, `${plan.id}.md`);
      expect(messages.map((m) => `${plan.id}.md:${m.line} ${m.rule}`)).toEqual([]);
    }
  });

  test('mixes in the plans other offices wrote (the shape fixtures): 300 plans, every one read without an error', async () => {
    const five = await readSources(new URL('../../../content/plans', import.meta.url).pathname);
    const shapes = await readSources(new URL('../../fixtures/shapes', import.meta.url).pathname);
    expect(shapes.length).toBeGreaterThan(30);
    expect(shapes.map((s) => s.id)).toContain('annex-fengong');
    const mixed = [...five, ...shapes];
    const corpus = generateCorpus(mixed, 300);
    const made = new Map<string, number>();
    corpus.forEach((plan, index) => {
      const { plan: parsed, messages } = parsePlan(plan.markdown, `${plan.id}.md`);
      expect(messages.filter((m) => m.severity === 'error').map((m) => `${plan.id}.md:${m.line} ${m.rule}`)).toEqual([]);
      const source = mixed[index % mixed.length]!.id;
      made.set(source, (made.get(source) ?? 0) + (parsed?.tasks.length ?? 0));
    });
    // Every source, the shapes included, gave the plans made from it their tasks.
    for (const { id } of mixed) expect(made.get(id), id).toBeGreaterThan(0);
  });
});
