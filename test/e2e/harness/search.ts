import type { Page } from 'playwright-core';

export interface ListedResults {
  /** Result URLs in the order the page lists them. */
  urls: string[];
  /** The engine's count of exact matches, and whether it is exact. */
  total: number;
  exact: boolean;
}

/**
 * Runs a search with the page's own engine (`window.planbookSearch`) and
 * collects every result page by page, as "显示更多结果" would: the exact
 * matches, then (unless `exactOnly`) Pagefind's partial ones.
 */
export function listResults(page: Page, query: string, selection: Record<string, string[]> = {}, exactOnly = false): Promise<ListedResults> {
  return page.evaluate(
    async ([query, selection, exactOnly]) => {
      type Outcome = {
        total: number;
        exact: boolean;
        next(n: number): Promise<{ record: { url: string } }[]>;
        more(): boolean;
        exactLeft(): boolean;
      };
      const engine = (window as unknown as { planbookSearch: { run(q: string, s: object): Promise<Outcome> } }).planbookSearch;
      const outcome = await engine.run(query, selection);
      const urls: string[] = [];
      while (exactOnly ? outcome.exactLeft() : outcome.more()) urls.push(...(await outcome.next(50)).map((h) => h.record.url));
      return { urls, total: outcome.total, exact: outcome.exact };
    },
    [query, selection, exactOnly] as const,
  );
}

/** Waits until the latest search has finished (the results list no longer aria-busy) and gives its status line. */
export async function searchSettled(page: Page): Promise<string> {
  await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached' });
  return (await page.textContent('[data-search-status]'))!.trim();
}
