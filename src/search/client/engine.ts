/**
 * The search engine of the search page: the sharded substring index (files
 * under <base>search/, fetched as a query needs them) for exact matches; when
 * they run out, the same index for the tasks that hold each word of the query
 * but not the whole query (`queryWords`), then each of its pieces of one or
 * two characters (`queryPieces`), or, for a long term, most of its trigrams
 * (`findSimilar`); then Pagefind (loaded from <base>pagefind/ only when
 * those run out too, and when nothing else matched, only on request) for
 * the tasks its own word matching finds. Browser only.
 */
import { FILTERS, type FilterName } from '../record.ts';
import { facetPath, listPath, type GramShard, type ShardedMeta, type ShardedRecord } from '../shards.ts';
import { withBase } from '../../site/base.ts';
import { findMatches, findSimilar, LONG_TERM, queryPieces, queryWords, verify, type Hit, type Matches, type Source } from './query.ts';
import { namedPlaces, queryTerms, type Selection } from './match.ts';

interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    q: string,
    o?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: PagefindResult[]; filters: Record<string, Record<string, number>> } | null>;
}

/** Candidates checked against their text for one page of results at most (about 50 record files). */
const CHECK_LIMIT = 200;

export interface SearchOutcome {
  /** Exact matches that pass the selection; an upper bound when `exact` is false. */
  total: number;
  exact: boolean;
  /** Of them, tasks a unit named by the query owes. */
  byUnit: number;
  /**
   * One filter's counts over the exact matches (its value ids are fetched
   * when first asked for); when nothing matches exactly, over the partial
   * matches of the looser search that answers (`words`), or else over
   * Pagefind's once they are listed, and then null for a filter
   * Pagefind did not count (it counts only the filters whose index it has
   * loaded: those the search narrows by). `wanted`: the values whose
   * counts are needed (default: all).
   */
  count(filter: FilterName, wanted?: readonly string[]): Promise<Map<string, number> | null>;
  /**
   * Up to `n` further hits: exact matches while candidates are left (fewer,
   * even none, when many candidates fail the check), then, from the call
   * after the last candidate, the partial ones (tier 1): the looser
   * searches' (with the words to mark), then Pagefind's.
   */
  next(n: number): Promise<Hit[]>;
  /** Whether `next` may return more, and whether those are still exact matches. */
  more(): boolean;
  exactLeft(): boolean;
  /**
   * When no task holds the whole query: the words (or, when no task holds
   * every word, the pieces) it was cut into, those left out because no task
   * holds them, and how many tasks hold all the others (an upper bound when
   * `exact` is false); for a long term (`kind` 'similar'), the trigrams some
   * task holds and how many tasks hold most of them; null when it could not
   * be cut, or nothing holds them.
   */
  words(): { kind: Loose['kind']; words: string[]; missing: string[]; total: number; exact: boolean } | null;
  /**
   * The places the query named beside other terms (`namedPlaces`): the
   * terms taken as places, the 辖区 values added to the selection, and the
   * query searched without them; null when it named none.
   */
  places(): { named: string[]; places: string[]; query: string } | null;
  /** The pieces of the query no task holds (once its pieces were looked up: when nothing matches whole, at once). */
  unheld(): string[];
  /** How many tasks Pagefind found (null until it was asked): all partial matches when there is no exact one nor any with every word. */
  pagefindFound(): number | null;
  /** Pagefind's excerpt (with <mark>) of a partial hit. */
  pagefindExcerpt(hit: Hit): Promise<string | null>;
}

export interface Engine {
  source: Source;
  /** Every filter value with its number of tasks. */
  totals: Record<FilterName, Map<string, number>>;
  run(query: string, selection: Selection): Promise<SearchOutcome>;
}

export async function createEngine(): Promise<Engine> {
  const meta = await fetchJson<ShardedMeta>(withBase('/search/index.json'));
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(url: string): Promise<T> => {
    if (!cache.has(url)) cache.set(url, fetchPacked<T>(url));
    return cache.get(url) as Promise<T>;
  };
  const source: Source = {
    meta,
    facet: (filter) => once<number[][]>(withBase(`/${facetPath(filter)}`)),
    grams: (n) => once<GramShard>(withBase(`/search/grams/${n}.bin`)),
    list: (n) => once<number[]>(withBase(`/${listPath(n)}`)),
    records: (n) => once<ShardedRecord[]>(withBase(`/search/records/${n}.bin`)),
  };
  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ withBase('/pagefind/pagefind.js'))) as Pagefind;
      await pf.options({ excerptLength: 40 });
      await pf.init();
      return pf;
    })());
  const totals = Object.fromEntries(FILTERS.map((f) => [f, new Map(meta.values[f].map((v, i) => [v, meta.totals[f][i]!]))])) as Engine['totals'];

  async function run(asked: string, chosen: Selection): Promise<SearchOutcome> {
    // A place named beside other terms (长宁区 消防) narrows to that 辖区, as ticking it does, and the rest is searched.
    const placed = namedPlaces(queryTerms(asked), meta.values.辖区);
    const query = placed ? placed.rest.join(' ') : asked;
    const selection: Selection = placed ? { ...chosen, 辖区: [...new Set([...(chosen.辖区 ?? []), ...placed.places])] } : chosen;
    let found = await findMatches(source, query, selection);
    const matched = new Set(found.ranked.map((r) => r.id));
    // From a summary, the first results only: the whole ranking is fetched when they are used up.
    const exactLeft = () => at < found.ranked.length || (found.full !== undefined && at < found.total);
    async function ranked(): Promise<Matches['ranked']> {
      if (at >= found.ranked.length && found.full) {
        found = await found.full();
        for (const r of found.ranked) matched.add(r.id);
      }
      return found.ranked;
    }
    let at = 0;
    // The looser searches, tried in turn when the exact matches run out (at once when there is none),
    // before Pagefind is loaded: the tasks with every word of the query apart, then with every piece of it.
    const tried = [found.terms];
    let unheld: string[] = [];
    // A long term (a pasted sentence) is looked for by most of its trigrams instead: cutting it would fetch a gram file per character.
    const long = found.terms.some((t) => [...t].length > LONG_TERM);
    const looser = (
      long
        ? [
            async (): Promise<Loose | null> => {
              const similar = await findSimilar(source, found.terms, selection);
              return similar ? { kind: 'similar', words: similar.grams, missing: [], matches: similar.matches } : null;
            },
          ]
        : [
            async (): Promise<Loose | null> => {
              const words = await queryWords(source, found.terms);
              return words ? { kind: 'words', words, missing: [], matches: await findMatches(source, words.join(' '), selection, true) } : null;
            },
            async (): Promise<Loose | null> => {
              const cut = await queryPieces(source, found.terms);
              unheld = cut.missing;
              return cut.pieces.length > 0 ? { kind: 'pieces', words: cut.pieces, missing: cut.missing, matches: await findMatches(source, cut.pieces.join(' '), selection, true) } : null;
            },
          ]
    ).map((stage) => {
      let started: Promise<Loose | null> | undefined;
      return () =>
        (started ??= stage().then((loose) => {
          // A stage that searches for what an earlier one did would find nothing new.
          if (!loose || tried.some((words) => sameWords(words, loose.words))) return null;
          tried.push(loose.words);
          return loose;
        }));
    });
    let stage = 0;
    let stageAt = 0;
    /** The looser search whose matches are listed next, or null when all are listed. */
    async function looseNow(): Promise<Loose | null> {
      if (found.terms.length === 0) return null;
      for (; stage < looser.length; stage += 1, stageAt = 0) {
        const loose = await looser[stage]!();
        if (loose && stageAt < loose.matches.ranked.length) return loose;
      }
      return null;
    }
    // With no exact match, the first looser search that finds any task answers the query.
    const byWords = found.total === 0 ? await looseNow() : null;
    let partial: PagefindResult[] | null = found.terms.length === 0 ? [] : null;
    let partialAt = 0;
    const excerpts = new Map<number, PagefindResult>();
    let pagefindCounts: Record<string, Record<string, number>> | null = null;

    async function exactHits(n: number): Promise<Hit[]> {
      const hits: Hit[] = [];
      // At most CHECK_LIMIT candidates are checked per page, so a long term whose bigrams are common stays cheap.
      let checked = 0;
      while (hits.length < n && exactLeft() && checked < CHECK_LIMIT) {
        const batch = (await ranked()).slice(at, at + Math.min(n - hits.length, CHECK_LIMIT - checked));
        at += batch.length;
        checked += batch.length;
        for (const hit of await verify(source, found.terms, batch)) {
          if (hit.tier > 1) hits.push(hit);
          else matched.delete(hit.id);
        }
      }
      return hits;
    }

    async function looseHits(n: number): Promise<Hit[]> {
      const hits: Hit[] = [];
      let checked = 0;
      let loose: Loose | null;
      while (hits.length < n && checked < CHECK_LIMIT && (loose = await looseNow())) {
        const step = Math.min(n - hits.length, CHECK_LIMIT - checked);
        const batch = loose.matches.ranked.slice(stageAt, stageAt + step).filter((r) => !matched.has(r.id));
        stageAt += step;
        checked += step;
        // A similar task holds most of the grams, not all: only its record is needed.
        for (const hit of await verify(source, loose.kind === 'similar' ? [] : loose.words, batch)) {
          if (hit.tier === 1) continue;
          matched.add(hit.id);
          hits.push({ ...hit, tier: 1, marks: loose.words });
        }
      }
      return hits;
    }

    async function partialHits(n: number): Promise<Hit[]> {
      if (partial === null) {
        const pf = await loadPagefind();
        const response = await pf.search(query.trim(), { filters: toPagefindFilters(selection) });
        partial = response?.results ?? [];
        // With no exact match, the list is Pagefind's alone, and so are its filter counts.
        if (found.total === 0 && response) pagefindCounts = response.filters;
      }
      const hits: Hit[] = [];
      while (hits.length < n && partialAt < partial.length) {
        const batch = partial.slice(partialAt, partialAt + n - hits.length);
        partialAt += batch.length;
        const data = await Promise.all(batch.map((r) => r.data()));
        const fresh = batch
          .map((result, i) => ({ result, id: Number(data[i]!.meta['record']) }))
          .filter(({ id }) => Number.isInteger(id) && id >= 0 && id < meta.count && !matched.has(id));
        const records = await verify(source, [], fresh.map(({ id }) => ({ id, tier: 4 as const })));
        records.forEach((hit, i) => {
          excerpts.set(hit.id, fresh[i]!.result);
          hits.push({ ...hit, tier: 1 });
        });
      }
      return hits;
    }

    return {
      total: found.total,
      exact: byWords ? byWords.matches.exact : found.exact,
      byUnit: found.byUnit,
      async count(filter, wanted) {
        if (byWords) return byWords.matches.counts(filter, wanted);
        if (!pagefindCounts) return found.counts(filter, wanted);
        const counted = pagefindCounts[filter];
        return counted ? new Map(Object.entries(counted)) : null;
      },
      async next(n) {
        if (exactLeft()) return exactHits(n);
        if (await looseNow()) {
          const hits = await looseHits(n);
          if (hits.length > 0 || (await looseNow())) return hits;
        }
        return partialHits(n);
      },
      more: () => exactLeft() || partial === null || partialAt < partial.length,
      exactLeft,
      words: () => (byWords ? { kind: byWords.kind, words: byWords.words, missing: byWords.missing, total: byWords.matches.total, exact: byWords.matches.exact } : null),
      pagefindFound: () => partial?.length ?? null,
      places: () => (placed ? { named: placed.named, places: placed.places, query } : null),
      unheld: () => unheld,
      async pagefindExcerpt(hit) {
        const result = excerpts.get(hit.id);
        return result ? (await result.data()).excerpt : null;
      },
    };
  }

  return { source, totals, run };
}

/**
 * A looser search: the words (or pieces) of the query, each held by some
 * task, searched for all at once; or, for a long term, the tasks holding
 * most of its trigrams (`words`: those trigrams).
 */
interface Loose {
  kind: 'words' | 'pieces' | 'similar';
  words: string[];
  /** Pieces no task holds, left out. */
  missing: string[];
  matches: Matches;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w));
}

function toPagefindFilters(selection: Selection): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(selection)
      .filter(([, values]) => values && values.length > 0)
      .map(([name, values]) => [name, { any: values! }]),
  );
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** A `.bin` file: gzip-compressed JSON (left as is when a server already inflated it). */
async function fetchPacked<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return JSON.parse(text) as T;
}
