import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildSubstringIndex, type SubstringIndex } from '../../../src/search/substring.ts';
import { facetPath, facetsOf, listPath, shardSubstringIndex, type ShardOptions } from '../../../src/search/shards.ts';
import { facetCounts, findMatches, findSimilar, queryPieces, queryWords, verify, type Source } from '../../../src/search/client/query.ts';
import { queryTerms, type Selection } from '../../../src/search/client/match.ts';
import { matchFields } from '../../../src/search/fields.ts';
import { scan } from './scan.ts';
import { listedIds } from '../../../src/search/listed.ts';
import { generateCorpus } from '../../../src/corpus/index.ts';
import { parsePlan } from '../../../src/parse/index.ts';
import { changning, yueyang } from './fixture.ts';

/** The builder's files, gzipped and read back as the search page reads them. */
function source(index: SubstringIndex, options: ShardOptions = {}): Source & { fetched: string[] } {
  const files = new Map(
    shardSubstringIndex(index, options).map((f) => {
      const json = JSON.stringify(f.data);
      return [f.path, f.gzip ? gzipSync(json) : Buffer.from(json)] as const;
    }),
  );
  const read = (path: string) => {
    fetched.push(path);
    const body = files.get(path);
    if (!body) throw new Error(`no file ${path}`);
    return JSON.parse((body[0] === 0x1f ? gunzipSync(body) : body).toString('utf8'));
  };
  const fetched: string[] = [];
  return {
    meta: read('search/index.json'),
    facet: async (filter) => read(facetPath(filter)),
    grams: async (n) => read(`search/grams/${n}.bin`),
    records: async (n) => read(`search/records/${n}.bin`),
    list: async (n) => read(listPath(n)),
    fetched,
  };
}

/** Every exact match, ranked, with its tier: the search as the page shows it, all pages at once. */
async function search(src: Source, query: string, selection: Selection = {}) {
  const first = await findMatches(src, query, selection);
  const found = first.full ? await first.full() : first;
  const checked = await verify(src, found.terms, found.ranked);
  return { found, hits: checked.filter((h) => h.tier > 1).map((h) => [h.record.url, h.tier] as const) };
}

const small = buildSubstringIndex([yueyang, changning]);

describe('findMatches', () => {
  test('puts the task whose lead phrase holds the query before tasks that mention it', async () => {
    const { hits } = await search(source(small), '燃气');
    expect(hits[0]).toEqual(['/plans/yueyang/tasks/8/', 3]);
    expect(hits.length).toBeGreaterThan(1);
  });
  test('finds a substring that cuts across words', async () => {
    expect((await search(source(small), '气专项')).hits).toEqual([['/plans/yueyang/tasks/8/', 3]]);
  });
  test('requires every term of a multi-term query', async () => {
    expect((await search(source(small), '有限空间 燃气')).hits.map(([url]) => url)).toEqual(['/plans/changning/tasks/8/']);
  });
  test('matches a responsible unit named only in the unit list', async () => {
    expect((await search(source(small), '街道派出所')).hits.map(([url]) => url)).toContain('/plans/yueyang/tasks/8/');
  });
  test('puts tasks that name the queried unit first, before tasks that only mention it', async () => {
    const { hits, found } = await search(source(small), '发展办');
    expect(hits.slice(0, 2)).toEqual([
      ['/plans/yueyang/tasks/2/', 4],
      ['/plans/yueyang/tasks/8/', 4],
    ]);
    expect(found.byUnit).toBe(2);
  });
  test('lists every task for an empty query, narrowed by the selection, with exact counts', async () => {
    const { found } = await search(source(small), '  ', { 辖区: ['长宁区'] });
    expect(found.total).toBe(1);
    expect(found.exact).toBe(true);
    expect((await found.counts('辖区')).get('岳阳街道')).toBe(2); // still shown: choosing it would add two
  });
  test('counts each value over the results matching the other filters', async () => {
    const { found } = await search(source(small), '燃气', { 辖区: ['岳阳街道'] });
    expect((await found.counts('辖区')).get('长宁区')).toBe(1);
    expect((await found.counts('责任单位')).get('街道发展办')).toBe(2);
    expect(facetCounts({ meta: { values: small.values }, facets: facetsOf(small) }, [0, 1, 2], {}).完成年份.get('2024年')).toBe(1);
  });
});

/** The substring index of 40 plans generated from the five. */
function corpusIndex(): SubstringIndex {
  const sources = readdirSync('content/plans')
    .filter((n) => n.endsWith('.md'))
    .map((n) => ({ id: n.slice(0, -3), markdown: readFileSync(`content/plans/${n}`, 'utf8') }));
  return buildSubstringIndex(generateCorpus(sources, 40).map((p) => parsePlan(p.markdown, `${p.id}.md`).plan!));
}

describe('findMatches over a generated corpus of 40 plans', () => {
  const index = corpusIndex();
  const queries = ['燃气', '井', '有限空间', '重大事故隐患判定标准', '燃气 培训', '应急局', '消防 2026', 'ａｂｃ不存在', '安全'];

  test.each(queries)('finds exactly what a scan of every task finds for %s', async (query) => {
    const src = source(index, { shards: 64 });
    const { hits, found } = await search(src, query);
    expect(hits.map(([url]) => url).sort()).toEqual(scan(index, query).sort());
    if (found.exact) expect(found.total).toBe(hits.length);
    else expect(found.total).toBeGreaterThanOrEqual(hits.length);
  });

  test('finds exactly the scan with filters chosen, and counts them exactly for short terms', async () => {
    const selection: Selection = { 辖区: [index.values.辖区[3]!, index.values.辖区[5]!], 完成年份: ['2026年'] };
    const src = source(index);
    const { hits, found } = await search(src, '燃气', selection);
    expect(hits.map(([url]) => url).sort()).toEqual(scan(index, '燃气', selection).sort());
    expect(found.exact).toBe(true);
    expect(found.total).toBe(hits.length);
  });

  test('reads one gram file and no record file for a term of up to three characters', async () => {
    const src = source(index);
    await findMatches(src, '燃气', {});
    expect(src.fetched.filter((p) => p.startsWith('search/grams/'))).toHaveLength(1);
    expect(src.fetched.filter((p) => p.startsWith('search/records/'))).toEqual([]);
  });

  test("reads a filter's value ids only when it narrows the results, is counted, or (the units) is named by the query", async () => {
    const facetFiles = (src: { fetched: string[] }) => src.fetched.filter((p) => p.startsWith('search/facets/')).sort();
    const plain = source(index);
    const found = await findMatches(plain, '燃气', {});
    expect(facetFiles(plain)).toEqual([]);
    const places = await found.counts('辖区');
    expect(facetFiles(plain)).toEqual([facetPath('辖区')]);
    expect([...places.values()].reduce((a, b) => a + b, 0)).toBe(found.total);
    await found.counts('辖区');
    expect(facetFiles(plain)).toEqual([facetPath('辖区')]);

    const unit = source(index);
    expect((await findMatches(unit, '应急局', {})).byUnit).toBeGreaterThan(0);
    expect(facetFiles(unit)).toEqual([facetPath('责任单位')]);

    const narrowed = source(index);
    await findMatches(narrowed, '燃气', { 完成年份: ['2026年'] });
    expect(facetFiles(narrowed)).toEqual([facetPath('完成年份')]);
  });
});

describe('queryWords: a query no task holds whole, cut into the words the tasks hold', () => {
  const index = corpusIndex();
  test('cuts a phrase written in another order into its words, and every task holding them all is found, as a scan finds it', async () => {
    const src = source(index, { shards: 64 });
    // The plans say 危险化学品 and 监管 and 加强, never in this order.
    const query = '加强危险化学品监管';
    expect(scan(index, query)).toEqual([]);
    const words = await queryWords(src, [query]);
    expect(words).toEqual(['加强', '危险化学品', '监管']);
    const { hits } = await search(src, words!.join(' '));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map(([url]) => url).sort()).toEqual(scan(index, words!.join(' ')).sort());
    // One gram file per bigram at most, no whole list beyond them and no record file to cut it.
    const cutting = source(index, { shards: 64 });
    await queryWords(cutting, [query]);
    expect(cutting.fetched.filter((p) => !p.startsWith('search/grams/') && p !== 'search/index.json')).toEqual([]);
  });
  test('gives null for a term it cannot cut, or one that leaves a single character between cuts', async () => {
    const src = source(index, { shards: 64 });
    expect(await queryWords(src, ['有限空间'])).toBeNull();
    expect(await queryWords(src, ['安全'])).toBeNull();
  });
});

describe('queryPieces: a query whose words no task holds all of, cut into pieces of one or two characters', () => {
  const index = corpusIndex();
  test('finds the tasks that hold every piece apart, as a scan finds them, where the words found none', async () => {
    const src = source(index, { shards: 64 });
    // No task says 建筑施工 and 高处坠落; some say 建筑 and 施工 and 高处 and 坠落 apart (建筑市场和施工现场联动，突出高处坠落).
    const query = '建筑施工高处坠落';
    const words = await queryWords(src, [query]);
    if (words) expect(scan(index, words.join(' '))).toEqual([]);
    const cut = await queryPieces(src, [query]);
    expect(cut).toEqual({ pieces: ['建筑', '施工', '高处', '坠落'], missing: [] });
    const { hits } = await search(src, cut!.pieces.join(' '));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map(([url]) => url).sort()).toEqual(scan(index, cut!.pieces.join(' ')).sort());
  });
  test('keeps a single character the words leave out (安全员 → 安全、员), and leaves out a piece no task holds, saying which', async () => {
    const src = source(index, { shards: 64 });
    expect(await queryWords(src, ['安全员'])).toBeNull();
    expect(await queryPieces(src, ['安全员'])).toEqual({ pieces: ['安全', '员'], missing: [] });
    expect(await queryPieces(src, ['燃气骑手'])).toEqual({ pieces: ['燃气'], missing: ['骑手'] });
    expect(await queryPieces(src, ['骑手'])).toEqual({ pieces: [], missing: ['骑手'] });
  });
  test('reads gram files only', async () => {
    const src = source(index, { shards: 64 });
    await queryPieces(src, ['建筑施工高处坠落', '安全员']);
    expect(src.fetched.filter((p) => !p.startsWith('search/grams/') && p !== 'search/index.json')).toEqual([]);
  });
});

describe('findSimilar: a sentence pasted with a word and its marks changed', () => {
  const index = corpusIndex();
  // As the plans say it: 推进小型生产经营场所、经营性自建房、老旧住宅小区安装早期火灾报警和灭火装置
  const pasted = '推进小型生产经营场所，经营性自建房，老旧小区安装早期火灾报警和灭火装置';
  const original = '推进小型生产经营场所、经营性自建房、老旧住宅小区安装早期火灾报警和灭火装置';

  test('finds the tasks that say it among the first, where no task holds it whole', async () => {
    expect(scan(index, pasted)).toEqual([]);
    const saying = scan(index, original);
    expect(saying.length).toBeGreaterThan(0);
    const src = source(index, { shards: 64 });
    const similar = await findSimilar(src, queryTerms(pasted), {});
    expect(similar!.grams.length).toBeGreaterThan(5);
    // How many of the trigrams each listed task holds: never fewer than half, the most first.
    const held = (id: number) => {
      const { title, text } = matchFields(index.records[id]!, []);
      return similar!.grams.filter((g) => title.includes(g) || text.includes(g)).length;
    };
    const scores = similar!.matches.ranked.map((r) => held(r.id));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(similar!.grams.length / 2);
    // Every task that says it is listed, with all the trigrams the two wordings share; a task closer to the pasted wording (老旧小区) may come first.
    const urls = similar!.matches.ranked.map((r) => index.records[r.id]!.url);
    const shared = similar!.grams.filter((g) => original.includes(g)).length;
    for (const url of saying) expect(scores[urls.indexOf(url)]).toBe(shared);
  });

  test('reads no file the exact search did not', async () => {
    const exact = source(index, { shards: 64, large: 30, head: 12 });
    await findMatches(exact, pasted, {});
    const both = source(index, { shards: 64, large: 30, head: 12 });
    await findMatches(both, pasted, {});
    await findSimilar(both, queryTerms(pasted), {});
    expect(new Set(both.fetched)).toEqual(new Set(exact.fetched));
  });

  test('gives null when fewer than two of its trigrams are held by any task', async () => {
    expect(await findSimilar(source(index, { shards: 64 }), ['骑手外卖骑手外卖骑手外卖骑手'], {})).toBeNull();
  });
});

describe('a common word answered from its summary', () => {
  const index = corpusIndex();
  // Lists of more than 30 ids are summarized, with their first 12 ids, so common words of this corpus are.
  const options: ShardOptions = { large: 30, head: 12 };

  test('gives the first results in rank order, the exact count and the listed counts from one gram file', async () => {
    const src = source(index, options);
    const found = await findMatches(src, '燃气', {});
    expect(found.full).toBeDefined();
    expect(src.fetched.filter((p) => !p.startsWith('search/index.json'))).toHaveLength(1);
    const whole = await findMatches(source(index), '燃气', {});
    expect(whole.full).toBeUndefined();
    expect(found.total).toBe(whole.total);
    expect(found.exact).toBe(true);
    expect(found.ranked.length).toBeGreaterThanOrEqual(12);
    expect(found.ranked).toEqual(whole.ranked.slice(0, found.ranked.length));
    for (const filter of ['辖区', '完成年份', '行动', '状态'] as const) {
      const listed = listedIds(src.meta.values[filter], src.meta.totals[filter]);
      const values = listed === null ? src.meta.values[filter] : listed.map((i) => src.meta.values[filter][i]!);
      const counts = await found.counts(filter, values);
      const expected = await whole.counts(filter);
      for (const v of values) expect([filter, v, counts.get(v) ?? 0]).toEqual([filter, v, expected.get(v)]);
    }
    expect(src.fetched.filter((p) => p.startsWith('search/facets/') || p.startsWith('search/lists/'))).toEqual([]);
  });

  test('fetches the whole list for a value not listed, a filter chosen, or the rest of the results', async () => {
    const src = source(index, { ...options });
    const found = await findMatches(src, '燃气', {});
    const units = await found.counts('责任单位');
    const whole = await findMatches(source(index), '燃气', {});
    expect(units).toEqual(await whole.counts('责任单位'));
    expect(src.fetched.some((p) => p.startsWith('search/lists/'))).toBe(true);
    expect((await found.full!()).ranked).toEqual(whole.ranked);

    const narrowed = await findMatches(source(index, options), '燃气', { 完成年份: ['2026年'] });
    expect(narrowed.full).toBeUndefined();
    expect(narrowed.total).toBe((await findMatches(source(index), '燃气', { 完成年份: ['2026年'] })).total);
  });

  test.each(['燃气', '井', '安全', '燃气 培训', '重大事故隐患判定标准', '应急局', '消防 2026'])('finds exactly what a scan finds for %s', async (query) => {
    const { hits, found } = await search(source(index, options), query);
    expect(hits.map(([url]) => url).sort()).toEqual(scan(index, query).sort());
    if (found.exact) expect(found.total).toBe(hits.length);
  });
});
