/**
 * The search engine of the search page: Pagefind (loaded from <base>pagefind/)
 * plus the substring index, merged by `mergeResults`. Browser only.
 */
import type { SubstringIndex, SubstringRecord } from '../substring.ts';
import type { FilterName } from '../record.ts';
import { withBase } from '../../site/base.ts';
import { facetCounts, matchesSelection, mergeResults, type Hit, type Selection } from './match.ts';

interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; excerpt: string }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    q: string | null,
    o?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface SearchOutcome {
  hits: Hit[];
  counts: Record<FilterName, Map<string, number>>;
  /** Pagefind's excerpt (with <mark>) by URL, loaded on demand for results without an exact match. */
  pagefindExcerpt(url: string): Promise<string | null>;
}

export interface Engine {
  index: SubstringIndex;
  /** Every filter value with its total count, from Pagefind's filters API. */
  totals: Record<string, Record<string, number>>;
  run(query: string, selection: Selection): Promise<SearchOutcome>;
}

export async function createEngine(): Promise<Engine> {
  const pagefindUrl = withBase('/pagefind/pagefind.js');
  const [pagefind, index, ids] = await Promise.all([
    import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>,
    fetchJson<SubstringIndex>(withBase('/search/substring.json')),
    fetchJson<Record<string, string>>(withBase('/search/pagefind-urls.json')),
  ]);
  await pagefind.options({ excerptLength: 40 });
  await pagefind.init();
  const totals = await pagefind.filters();

  async function run(query: string, selection: Selection): Promise<SearchOutcome> {
    const trimmed = query.trim();
    if (trimmed === '') {
      // Browse by filters alone: Pagefind lists the filtered pages; the index supplies what to show.
      const filtered = await pagefind.search(null, { filters: toPagefindFilters(selection) });
      const byUrl = urlMap(filtered?.results ?? []);
      const hits = index.records.filter((r) => byUrl.has(r.url)).map((record) => ({ record, tier: 2 as const }));
      return outcome(hits, index.records, selection, byUrl);
    }
    // With a query, filter the merged results here so substring hits obey the same filters.
    const response = await pagefind.search(trimmed);
    const byUrl = urlMap(response?.results ?? []);
    const all = mergeResults(index, trimmed, [...byUrl.keys()]);
    const hits = all.filter((h) => matchesSelection(index, h.record, selection));
    return outcome(hits, all.map((h) => h.record), selection, byUrl);
  }

  function urlMap(results: PagefindResult[]): Map<string, PagefindResult> {
    const byUrl = new Map<string, PagefindResult>();
    for (const r of results) {
      const url = ids[r.id];
      if (url) byUrl.set(url, r);
    }
    return byUrl;
  }

  function outcome(hits: Hit[], pool: SubstringRecord[], selection: Selection, byUrl: Map<string, PagefindResult>): SearchOutcome {
    return {
      hits,
      counts: facetCounts(index, pool, selection),
      async pagefindExcerpt(url) {
        const r = byUrl.get(url);
        return r ? (await r.data()).excerpt : null;
      },
    };
  }

  return { index, totals, run };
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
