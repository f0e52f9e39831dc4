/**
 * The substring index cut into small files, so a search downloads what its
 * query needs and not the whole corpus:
 *
 * - `search/index.json` — the record count, how the rest is cut, every
 *   filter value and its number of tasks;
 * - `search/facets/<n>.bin` — for the n-th filter of `FILTERS`, each
 *   record's value ids: what the search page counts and narrows by, fetched
 *   only for a filter it counts or narrows by (the closed 责任单位 and 行动
 *   lists not until they are opened), so a first query does not download
 *   every task's filter values;
 * - `search/grams/<n>.bin` — posting lists: gram → record ids (as gaps), for
 *   the grams of one to three characters of each record's folded lead phrase and text,
 *   lead-phrase grams again under `TITLE_MARK`; a gram's file is `shardOf`.
 *   A list longer than `large` ids is there as a `Summary` (its length, its
 *   first `head` ids and, for a text gram, the count of each listed filter
 *   value among its records), so a first search of a common word downloads
 *   what one page of results and its counts need, the same at any number of
 *   plans;
 * - `search/lists/<n>.bin` — a long list whole (as gaps), fetched only when
 *   the search needs more than its summary (a filter chosen, a second term,
 *   a longer term, a later page);
 * - `search/records/<n>.bin` — the records themselves (URL, plan, number,
 *   lead phrase, text, deadline, unit ids), `chunk` consecutive records per
 *   file.
 *
 * `.bin` files are gzip-compressed JSON, inflated by the search page. Pure:
 * the caller compresses and writes.
 */
import { FILTERS, type FilterName } from './record.ts';
import type { SubstringIndex, SubstringRecord } from './substring.ts';
import { addGrams, shardOf, TITLE_MARK, toGaps } from './grams.ts';
import { matchFields } from './fields.ts';
import { facetCounts } from './client/query.ts';
import { listedIds } from './listed.ts';

export interface ShardedMeta {
  version: 4;
  /** Number of records; ids are 0 … count − 1 in the index's order. */
  count: number;
  /** Number of gram files. */
  shards: number;
  /** Records per record file: record `id` is in file `Math.floor(id / chunk)`. */
  chunk: number;
  values: SubstringIndex['values'];
  /** Per filter, the number of tasks with each value (in the order of `values`). */
  totals: Record<FilterName, number[]>;
}

/**
 * A long posting list as its gram file holds it. `counts`: per filter, each
 * listed value's (`listedIds`) number of records in the whole list ([value
 * id, count], zero counts left out); only for text grams, not lead-phrase ones.
 */
export interface Summary {
  /** Record ids in the whole list. */
  n: number;
  /** The first ids of the list, as gaps. */
  head: number[];
  /** The list whole is `search/lists/<list>.bin`. */
  list: number;
  counts?: Record<FilterName, [number, number][]>;
}

/** A gram's posting list: record ids as gaps, or the summary of a long one. */
export type Posting = number[] | Summary;

export const isSummary = (posting: Posting | undefined): posting is Summary => posting !== undefined && !Array.isArray(posting);

/** A record as a record file holds it: its units (ids into `values.责任单位`), the other filter values in the facet files. */
export type ShardedRecord = Omit<SubstringRecord, 'filters'> & { units: number[] };
export type Facets = Record<FilterName, number[][]>;

/** The file of one filter's value ids. */
export const facetPath = (filter: FilterName): string => `search/facets/${FILTERS.indexOf(filter)}.bin`;
export type GramShard = Record<string, Posting>;

/** The file of a long posting list. */
export const listPath = (list: number): string => `search/lists/${list}.bin`;

export interface ShardOptions {
  /** Records per record file (default 4: a page of 20 results spread over the corpus stays small). */
  chunk?: number;
  /** Gram files; by default a power of two giving about `postingsPerShard` record ids per file. */
  shards?: number;
  postingsPerShard?: number;
  /** A list of more ids than this is kept whole in its own file, its gram file holding a summary (default 512). */
  large?: number;
  /** Ids a summary holds (default 100: five pages of results). */
  head?: number;
}

export interface ShardedFile {
  /** Path under the site root, e.g. `search/grams/12.bin`. */
  path: string;
  data: unknown;
  /** Written as plain JSON (only index.json) or gzip-compressed JSON. */
  gzip: boolean;
}

export function shardSubstringIndex(index: SubstringIndex, options: ShardOptions = {}): ShardedFile[] {
  const chunk = options.chunk ?? 4;
  const postings = new Map<string, number[]>();
  index.records.forEach((record, id) => {
    const units = record.filters.责任单位.map((i) => index.values.责任单位[i]!);
    const { title, text } = matchFields(record, units);
    const grams = new Set<string>();
    addGrams(title, grams);
    addGrams(text, grams);
    addGrams(title, grams, TITLE_MARK);
    for (const gram of grams) {
      let list = postings.get(gram);
      if (!list) postings.set(gram, (list = []));
      list.push(id);
    }
  });
  const large = options.large ?? 512;
  const head = Math.min(options.head ?? 100, large);
  const facets = facetsOf(index);
  const records: ShardedRecord[] = index.records.map(({ filters, ...rest }) => ({ ...rest, units: filters.责任单位 }));
  const counts = facetCounts({ meta: { values: index.values }, facets }, index.records.map((_, id) => id), {});
  const totals = Object.fromEntries(FILTERS.map((f) => [f, index.values[f].map((v) => counts[f].get(v)!)])) as ShardedMeta['totals'];
  const listed = Object.fromEntries(FILTERS.map((f) => [f, listedIds(index.values[f], totals[f])])) as Record<FilterName, number[] | null>;

  let total = 0;
  for (const list of postings.values()) total += list.length > large ? head : list.length;
  const shards = options.shards ?? 2 ** Math.max(4, Math.ceil(Math.log2(total / (options.postingsPerShard ?? 1_000))));
  const gramFiles: GramShard[] = Array.from({ length: shards }, () => ({}));
  const counter = listedCounter(index, facets, listed);
  const lists: number[][] = [];
  // A lead-phrase gram sits with its plain gram, so a query fetches one file per gram.
  for (const gram of [...postings.keys()].sort()) {
    const ids = postings.get(gram)!;
    let posting: Posting = toGaps(ids);
    if (ids.length > large) {
      const summary: Summary = { n: ids.length, head: posting.slice(0, head), list: lists.push(posting) - 1 };
      if (!gram.startsWith(TITLE_MARK)) summary.counts = counter(ids);
      posting = summary;
    }
    gramFiles[shardOf(gram.replace(TITLE_MARK, ''), shards)]![gram] = posting;
  }

  const meta: ShardedMeta = { version: 4, count: index.records.length, shards, chunk, values: index.values, totals };
  return [
    { path: 'search/index.json', data: meta, gzip: false },
    ...FILTERS.map((f) => ({ path: facetPath(f), data: facets[f], gzip: true })),
    ...gramFiles.map((data, n) => ({ path: `search/grams/${n}.bin`, data, gzip: true })),
    ...lists.map((data, n) => ({ path: listPath(n), data, gzip: true })),
    ...Array.from({ length: Math.ceil(records.length / chunk) }, (_, n) => ({
      path: `search/records/${n}.bin`,
      data: records.slice(n * chunk, (n + 1) * chunk),
      gzip: true,
    })),
  ];
}

/** Counts, per filter, how many of a list's records have each listed value: [value id, count] pairs, zero counts left out. */
function listedCounter(index: SubstringIndex, facets: Facets, listed: Record<FilterName, number[] | null>): (ids: readonly number[]) => Record<FilterName, [number, number][]> {
  const tally = FILTERS.map((f) => {
    const wanted = listed[f] === null ? null : new Set(listed[f]);
    const counts = new Int32Array(index.values[f].length);
    return { f, wanted, counts };
  });
  return (ids) => {
    const result = {} as Record<FilterName, [number, number][]>;
    for (const { f, wanted, counts } of tally) {
      const own = facets[f];
      for (const id of ids) {
        const values = own[id]!;
        // A value written twice for one record counts once.
        for (let i = 0; i < values.length; i += 1) if (values.indexOf(values[i]!) === i) counts[values[i]!]! += 1;
      }
      const pairs: [number, number][] = [];
      for (let v = 0; v < counts.length; v += 1) {
        if (counts[v]! > 0 && (!wanted || wanted.has(v))) pairs.push([v, counts[v]!]);
      }
      counts.fill(0);
      result[f] = pairs;
    }
    return result;
  };
}

/** Per filter, each record's value ids, in the index's record order. */
export function facetsOf(index: SubstringIndex): Facets {
  return Object.fromEntries(FILTERS.map((f) => [f, index.records.map((r) => r.filters[f])])) as Facets;
}
