/** The brute-force answer a search must equal: a scan of every task of the model. */
import type { SubstringIndex } from '../../../src/search/substring.ts';
import { facetsOf } from '../../../src/search/shards.ts';
import { matchesSelection } from '../../../src/search/client/query.ts';
import { namesUnit, queryTerms, type Selection } from '../../../src/search/client/match.ts';
import { matchFields } from '../../../src/search/fields.ts';

/** URLs of every task whose lead phrase or text (with its unit names) holds every term, or whose units each term names. */
export function scan(index: SubstringIndex, query: string, selection: Selection = {}): string[] {
  const terms = queryTerms(query);
  const facets = { meta: { values: index.values }, facets: facetsOf(index) };
  return index.records
    .filter((record, id) => {
      const units = record.filters.责任单位.map((i) => index.values.责任单位[i]!);
      const { title, text } = matchFields(record, units);
      const holds = terms.every((t) => title.includes(t) || text.includes(t));
      const named = terms.every((t) => units.some((u) => namesUnit(u, t)));
      return terms.length > 0 && (holds || named) && matchesSelection(facets, id, selection);
    })
    .map((r) => r.url);
}
