/**
 * Exact-substring search over the sharded index (see ../shards.ts), with the
 * files reached through a `Source`, so the same code runs in the page (over
 * fetch) and in Node tests (over the builder's output). No DOM here.
 *
 * A query's terms are looked up by the grams that cover them; the
 * intersection of their posting lists holds every task that contains every
 * term. For terms of up to three characters it is exactly those tasks, so
 * the count and the filter counts are exact at once. For longer terms it may
 * hold a few more, which are checked against the task text: all of them at
 * once when they sit in few record files, else as the pages are shown, and
 * the counts are then an upper bound (`exact: false`) until all are checked.
 *
 * A filter's value ids (`Source.facet`) are fetched only when a filter
 * narrows the results or its counts are asked for, and the units' when the
 * query names a unit: a first query with no filter chosen downloads no
 * task's filter values but those of the lists the page shows open.
 *
 * A common word's posting list is in its gram file as a summary (see
 * ../shards.ts). A query of that one word, with no filter chosen and no unit
 * named, is answered from it: the first results, the exact count and the
 * counts of the values the page lists; `Matches.full()` fetches the whole
 * list when more is asked for (a later page, a value not listed).
 */
import { FILTERS, type FilterName } from '../record.ts';
import { isSummary, type Facets, type GramShard, type Posting, type ShardedMeta, type ShardedRecord, type Summary } from '../shards.ts';
import { matchFields } from '../fields.ts';
import { fromGaps, GRAM, shardOf, termGrams, TITLE_MARK } from '../grams.ts';
import { bigramsOf, cutPieces, namesUnit, queryTerms, splitWords, type Selection } from './match.ts';
import { listedIds } from '../listed.ts';

export interface Source {
  meta: ShardedMeta;
  /** One filter's value ids for every record (`facetPath`), fetched once, when first needed. */
  facet(filter: FilterName): Promise<number[][]>;
  grams(shard: number): Promise<GramShard>;
  /** A long posting list whole, as gaps (`listPath`). */
  list(n: number): Promise<number[]>;
  records(chunk: number): Promise<ShardedRecord[]>;
}

/** What filtering and counting need: the filter values and each record's value ids, for the filters concerned. */
export interface FacetSource {
  meta: Pick<ShardedMeta, 'values'>;
  facets: Partial<Facets>;
}

export interface Hit {
  id: number;
  record: ShardedRecord;
  units: string[];
  /** 4: every term names a unit of the task; 3: in the lead phrase; 2: in the text; 1: a partial match (every word of the query apart, or found by Pagefind). */
  tier: 1 | 2 | 3 | 4;
  /** What to mark in its excerpt, when not the query's terms: the words of a partial match. */
  marks?: string[];
}

export interface Matches {
  terms: string[];
  /**
   * Exact-match candidates in rank order (tier 4, then lead phrase, then
   * text; the index's order within each): all of them, or when `full` is
   * given, the first of them (from a summary), the rest coming with `full()`.
   */
  ranked: { id: number; tier: 2 | 3 | 4 }[];
  /** Whether every candidate is known to match (so `ranked` and the counts are exact). */
  exact: boolean;
  /** Candidates that pass the selection. */
  total: number;
  byUnit: number;
  /**
   * One filter's counts over the candidates (as `facetCounts`), worked out
   * when first asked for: of every value, or at least of `wanted` (a
   * summary's counts answer for the values the page lists).
   */
  counts(filter: FilterName, wanted?: readonly string[]): Promise<Map<string, number>>;
  /** The same matches with `ranked` whole, when it is not yet (fetched once). */
  full?: () => Promise<Matches>;
}

/** Checked candidates are verified at once when they sit in at most this many record files. */
const EAGER_FILES = 12;

export async function findMatches(source: Source, query: string, selection: Selection, whole = false): Promise<Matches> {
  const { meta } = source;
  const terms = queryTerms(query);
  // The filters that narrow the results, with each record's values.
  const narrowing = await narrowingFacets(source, selection);
  if (terms.length === 0) {
    const all = Array.from({ length: meta.count }, (_, id) => ({ id, tier: 2 as const }));
    return summarize(source, terms, all, true, selection, narrowing);
  }
  // Tier 4 from the filter data alone: a unit query such as 应急局 finds 市应急管理局's tasks.
  const unitIds = terms.map((t) => new Set(meta.values.责任单位.flatMap((name, i) => (namesUnit(name, t) ? [i] : []))));
  const byUnit = new Set<number>();
  if (unitIds.every((set) => set.size > 0)) {
    (await source.facet('责任单位')).forEach((units, id) => {
      if (unitIds.every((set) => units.some((u) => set.has(u)))) byUnit.add(id);
    });
  }

  const grams = [...new Set(terms.flatMap(termGrams))];
  const entry = await gramEntries(source, grams);
  const short = terms.every((t) => [...t].length <= GRAM);
  const only = grams.length === 1 ? entry(grams[0]!) : undefined;
  if (!whole && short && isSummary(only) && byUnit.size === 0 && Object.values(selection).every((v) => !v || v.length === 0)) {
    return summarized(source, terms, only, entry(TITLE_MARK + grams[0]!), () => findMatches(source, query, selection, true));
  }
  const lists = new Map<string, number[]>();
  await Promise.all(
    grams.flatMap((g) => [g, TITLE_MARK + g]).map(async (gram) => {
      const found = entry(gram);
      lists.set(gram, fromGaps(isSummary(found) ? await source.list(found.list) : (found ?? [])));
    }),
  );
  const posting = (gram: string) => lists.get(gram)!;
  const inText = intersect(grams.map(posting));
  const inTitle = new Set(intersect(grams.map((g) => posting(TITLE_MARK + g))));

  let ranked = [
    ...[...byUnit].sort((a, b) => a - b).map((id) => ({ id, tier: 4 as const })),
    ...inText.filter((id) => !byUnit.has(id) && inTitle.has(id)).map((id) => ({ id, tier: 3 as const })),
    ...inText.filter((id) => !byUnit.has(id) && !inTitle.has(id)).map((id) => ({ id, tier: 2 as const })),
  ];
  let exact = short;
  if (!short) {
    const files = new Set(ranked.filter((r) => r.tier < 4).map((r) => Math.floor(r.id / meta.chunk)));
    if (files.size <= EAGER_FILES) {
      const checked = await verify(source, terms, ranked);
      ranked = checked.filter((r) => r.tier > 1) as Matches['ranked'];
      exact = true;
    }
  }
  return summarize(source, terms, ranked, exact, selection, narrowing);
}

/**
 * The words of a query that no task holds whole (`splitWords`, from the
 * bigrams' posting lists: one gram file per bigram; single characters left
 * out), or null when no term could be cut: a search for all of them, not
 * side by side, finds the
 * tasks that say the same in other order (整治占用消防通道 for
 * 消防通道占用整治) without Pagefind.
 */
export async function queryWords(source: Source, terms: string[]): Promise<string[] | null> {
  const tasksWith = await gramCounts(source, terms.flatMap(bigramsOf));
  // A single character left between two cuts (安全员 → 安全、员) would match nearly every task: it is left out.
  const words = [...new Set(terms.flatMap((t) => splitWords(t, tasksWith).filter((w, _, all) => all.length === 1 || [...w].length > 1)))];
  return words.length > terms.length ? words : null;
}

/**
 * The query cut finer (`cutPieces`: pieces of one or two characters, a run
 * of Latin letters or digits whole), for when no task holds every word of
 * `queryWords`: the pieces some task holds, to be searched for all at once,
 * not side by side (建筑施工高处坠落 → 建筑、施工、高处、坠落, 安全员 → 安全、员),
 * and those no task holds (`missing`), left out as Pagefind leaves out a
 * word it does not know (`pieces` is empty when no task holds any).
 */
export async function queryPieces(source: Source, terms: string[]): Promise<{ pieces: string[]; missing: string[] }> {
  const grams = terms.flatMap((t) => {
    const latin = (t.match(/[a-z0-9]+/g) ?? []).filter((run) => run.length <= GRAM);
    return [...t, ...bigramsOf(t), ...latin];
  });
  const tasksWith = await gramCounts(source, [...new Set(grams)]);
  const all = [...new Set(terms.flatMap((t) => cutPieces(t, tasksWith)))];
  // A Latin run longer than a gram is kept: its own search checks it against the text.
  const held = (piece: string) => [...piece].length > GRAM || tasksWith(piece) > 0;
  const pieces = all.filter(held);
  return { pieces, missing: all.filter((p) => !held(p)) };
}

/** A term longer than this (a sentence pasted from a plan) is looked for by most of its trigrams, not cut into words. */
export const LONG_TERM = 12;

/**
 * The tasks holding most of the grams that cover the terms (`termGrams`:
 * the trigrams the exact search looked them up by, so no file beyond
 * those it fetched), for a long term no task holds whole: a sentence
 * pasted with a word or a mark changed. A task must hold at least half of
 * the grams (and two); the most held come first, then in index order.
 * `grams`: those some task holds, to mark. Null when fewer than two are held.
 */
export async function findSimilar(source: Source, terms: string[], selection: Selection): Promise<{ grams: string[]; matches: Matches } | null> {
  const grams = [...new Set(terms.flatMap(termGrams))];
  const entry = await gramEntries(source, grams);
  const held = grams.filter((g) => entry(g) !== undefined);
  if (held.length < 2) return null;
  const postings = await Promise.all(
    held.map(async (gram) => {
      const found = entry(gram)!;
      return fromGaps(isSummary(found) ? await source.list(found.list) : found);
    }),
  );
  const counts = new Map<number, number>();
  for (const ids of postings) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(grams.length / 2));
  const ranked = [...counts]
    .filter(([, n]) => n >= need)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([id]) => ({ id, tier: 2 as const }));
  const narrowing = await narrowingFacets(source, selection);
  return { grams: held, matches: summarize(source, terms, ranked, true, selection, narrowing) };
}

/**
 * The posting of each gram of `grams` (and of its lead-phrase twin, which
 * sits in the same file), from their gram files, each fetched once.
 */
async function gramEntries(source: Source, grams: string[]): Promise<(gram: string) => Posting | undefined> {
  const { shards: count } = source.meta;
  const shards = new Map<number, GramShard>();
  await Promise.all([...new Set(grams.map((g) => shardOf(g, count)))].map(async (n) => shards.set(n, await source.grams(n))));
  return (gram) => shards.get(shardOf(gram.replace(TITLE_MARK, ''), count))![gram];
}

/** How many tasks hold each gram of `grams` (0 for one no task holds), from their gram files. */
async function gramCounts(source: Source, grams: string[]): Promise<(gram: string) => number> {
  const entry = await gramEntries(source, grams);
  return (gram) => {
    const found = entry(gram);
    return found === undefined ? 0 : isSummary(found) ? found.n : found.length;
  };
}

/** The value ids of the filters `selection` narrows by (none fetched when it narrows by none). */
function narrowingFacets(source: Source, selection: Selection): Promise<Partial<Facets>> {
  return loadFacets(source, FILTERS.filter((f) => (selection[f]?.length ?? 0) > 0));
}

/**
 * The matches of one short term from its gram's summary: the lead-phrase
 * matches the summary of its lead-phrase gram holds, then the text matches
 * of the summary's first ids, a prefix of the whole ranking; the count; and
 * the listed values' counts.
 */
function summarized(source: Source, terms: string[], text: Summary, title: Posting | undefined, full: () => Promise<Matches>): Matches {
  const titleIds = fromGaps(isSummary(title) ? title.head : (title ?? []));
  const allTitles = !isSummary(title) || title.n === titleIds.length;
  const inTitle = new Set(titleIds);
  const ranked: Matches['ranked'] = [
    ...titleIds.map((id) => ({ id, tier: 3 as const })),
    // Beyond the lead-phrase matches the summary holds, the text matches would not be the next in rank.
    ...(allTitles ? fromGaps(text.head).filter((id) => !inTitle.has(id)).map((id) => ({ id, tier: 2 as const })) : []),
  ];
  let whole: Promise<Matches> | undefined;
  const upgrade = () => (whole ??= full());
  const { meta } = source;
  return {
    terms,
    ranked,
    exact: true,
    total: text.n,
    byUnit: 0,
    async counts(filter, wanted = meta.values[filter]) {
      const listed = listedIds(meta.values[filter], meta.totals[filter]);
      const covered = listed === null ? null : new Set(listed.map((i) => meta.values[filter][i]!));
      if (covered && !wanted.every((v) => covered.has(v))) return (await upgrade()).counts(filter, wanted);
      const counts = new Map((listed ?? meta.values[filter].map((_, i) => i)).map((i) => [meta.values[filter][i]!, 0]));
      for (const [i, n] of text.counts![filter]) counts.set(meta.values[filter][i]!, n);
      return counts;
    },
    full: upgrade,
  };
}

function summarize(source: Source, terms: string[], ranked: Matches['ranked'], exact: boolean, selection: Selection, narrowing: Partial<Facets>): Matches {
  const chosen = ranked.filter((r) => matchesSelection({ meta: source.meta, facets: narrowing }, r.id, selection));
  const ids = ranked.map((r) => r.id);
  const counted = new Map<FilterName, Promise<Map<string, number>>>();
  const counts = (filter: FilterName) => {
    if (!counted.has(filter)) {
      counted.set(filter, loadFacets(source, [filter]).then((own) => countFilter({ meta: source.meta, facets: { ...narrowing, ...own } }, ids, selection, filter)));
    }
    return counted.get(filter)!;
  };
  return { terms, ranked: chosen, exact, total: chosen.length, byUnit: chosen.filter((r) => r.tier === 4).length, counts };
}

/** The value ids of `filters`, fetched (once each) from the source. */
export async function loadFacets(source: Source, filters: readonly FilterName[]): Promise<Partial<Facets>> {
  return Object.fromEntries(await Promise.all(filters.map(async (f) => [f, await source.facet(f)] as const)));
}

/**
 * Candidates with their records, each checked against its text: the tier it
 * really has, or 1 when it does not hold every term (the caller drops it).
 */
export async function verify(source: Source, terms: string[], ranked: Matches['ranked']): Promise<{ id: number; tier: Hit['tier'] | 1; record: ShardedRecord; units: string[] }[]> {
  const chunks = new Map<number, ShardedRecord[]>();
  await Promise.all(
    [...new Set(ranked.map((r) => Math.floor(r.id / source.meta.chunk)))].map(async (n) => chunks.set(n, await source.records(n))),
  );
  return ranked.map(({ id, tier }) => {
    const record = chunks.get(Math.floor(id / source.meta.chunk))![id % source.meta.chunk]!;
    const units = record.units.map((u) => source.meta.values.责任单位[u]!);
    if (tier === 4) return { id, tier, record, units };
    const { title, text } = matchFields(record, units);
    const checked = terms.every((t) => title.includes(t)) ? 3 : terms.every((t) => title.includes(t) || text.includes(t)) ? 2 : 1;
    return { id, tier: checked as Hit['tier'], record, units };
  });
}

/** Ids in every list (each sorted ascending), in ascending order. */
function intersect(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  const [shortest, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const sets = rest.map((l) => new Set(l));
  return shortest!.filter((id) => sets.every((s) => s.has(id)));
}

/** Whether a record has, for every filter with a selection, one of the selected values (`source` holds those filters' value ids). */
export function matchesSelection(source: FacetSource, id: number, selection: Selection): boolean {
  return Object.entries(selection).every(([name, chosen]) => {
    if (!chosen || chosen.length === 0) return true;
    const filter = name as FilterName;
    return source.facets[filter]![id]!.some((i) => chosen.includes(source.meta.values[filter][i]!));
  });
}

/**
 * For each filter value, how many of `ids` have it and match the selection
 * in every *other* filter (so choosing one 辖区 still shows how many results
 * the other 辖区 would add).
 */
export function facetCounts(source: FacetSource, ids: number[], selection: Selection): Record<FilterName, Map<string, number>> {
  return Object.fromEntries(FILTERS.map((f) => [f, countFilter(source, ids, selection, f)])) as Record<FilterName, Map<string, number>>;
}

/** `facetCounts` of one filter: `source` needs its value ids and those of the selection's filters. */
export function countFilter(source: FacetSource, ids: number[], selection: Selection, filter: FilterName): Map<string, number> {
  const values = source.meta.values[filter];
  const own = source.facets[filter]!;
  const others: Selection = { ...selection, [filter]: [] };
  const counts = new Array<number>(values.length).fill(0);
  for (const id of ids) {
    if (!matchesSelection(source, id, others)) continue;
    for (const i of new Set(own[id])) counts[i]! += 1;
  }
  return new Map(values.map((v, i) => [v, counts[i]!]));
}
