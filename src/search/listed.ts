/**
 * Which values of a filter the search page lists: every value when there
 * are at most `LISTED`, else the `LISTED` with the most tasks (ties: by
 * name, so the page and the index agree whatever order they saw the plans in). The page shows these (src/pages/search/index.astro),
 * and the index counts a long posting list over them ahead of time
 * (`Summary.counts` in ../shards.ts), so a first search counts what the
 * page shows without fetching every task's filter values.
 */
export const LISTED = 40;

/** Ids (into the filter's values) of the values listed, ascending; null when every value is. */
export function listedIds(values: readonly string[], totals: readonly number[]): number[] | null {
  if (values.length <= LISTED) return null;
  return values
    .map((value, id) => ({ value, n: totals[id] ?? 0, id }))
    .sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, LISTED)
    .map(({ id }) => id)
    .sort((a, b) => a - b);
}
