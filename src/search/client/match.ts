/**
 * Pure matching and ranking for the search page: exact-substring hits from
 * the substring index merged with Pagefind's ranked results. No DOM here, so
 * it is unit-tested in Node and run unchanged in the browser.
 */
import type { SubstringIndex, SubstringRecord } from '../substring.ts';
import type { FilterName } from '../record.ts';

/** Selected values per filter: any value within one filter, every filter at once. */
export type Selection = Partial<Record<FilterName, string[]>>;

/** Folds width and case, and drops whitespace, so 'ＡＢ 燃 气' finds 'ab燃气'. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The query's terms: split on whitespace, quotes and punctuation at the ends dropped. */
export function queryTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/\s+/)
    .map((t) => normalize(t.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '')))
    .filter((t) => t.length > 0);
}

export interface Hit {
  record: SubstringRecord;
  /** 4: every term in a unit the task names; 3: in the lead phrase; 2: in the text; 1: found only by Pagefind. */
  tier: 1 | 2 | 3 | 4;
}

/**
 * Ranks the union of exact-substring hits and Pagefind results (given as
 * URLs, best first): tasks that name a unit holding the query first (a unit
 * query such as 应急局 finds the tasks that unit owes), then tasks whose lead
 * phrase holds it, then tasks whose text holds it, then what only Pagefind
 * found. Within a tier, Pagefind's order, then the number of occurrences.
 */
export function mergeResults(index: SubstringIndex, query: string, pagefindUrls: string[]): Hit[] {
  const terms = queryTerms(query);
  const rank = new Map(pagefindUrls.map((u, i) => [u, i]));
  const hits: { hit: Hit; rank: number; count: number; order: number }[] = [];
  index.records.forEach((record, order) => {
    const title = normalize(record.title);
    // Unit names count as text: a task page lists its units even where the text abbreviates them.
    const names = record.filters.责任单位.map((i) => index.values.责任单位[i]!);
    const units = normalize(names.join('|'));
    const text = normalize(`${record.text}|${units}`);
    let tier: Hit['tier'] | 0 = 0;
    if (terms.length > 0 && terms.every((t) => names.some((name) => namesUnit(name, t)))) tier = 4;
    else if (terms.length > 0 && terms.every((t) => title.includes(t))) tier = 3;
    else if (terms.length > 0 && terms.every((t) => text.includes(t) || title.includes(t))) tier = 2;
    else if (rank.has(record.url)) tier = 1;
    if (tier === 0) return;
    const count = terms.reduce((n, t) => n + occurrences(text, t), 0);
    hits.push({ hit: { record, tier }, rank: rank.get(record.url) ?? Infinity, count, order });
  });
  hits.sort((a, b) => b.hit.tier - a.hit.tier || a.rank - b.rank || b.count - a.count || a.order - b.order);
  return hits.map((h) => h.hit);
}

/**
 * Whether a query term names this unit: the name holds the term, or, for a
 * term of two or more characters, its characters in order as a short form
 * does (应急局 → 市应急管理局, 安委办 → 区安全生产委员会办公室).
 */
export function namesUnit(name: string, term: string): boolean {
  const folded = normalize(name);
  if (folded.includes(term)) return true;
  if ([...term].length < 2) return false;
  let at = 0;
  for (const char of term) {
    at = folded.indexOf(char, at);
    if (at === -1) return false;
    at += char.length;
  }
  return true;
}

function occurrences(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) n += 1;
  return n;
}

/** Whether a record has, for every filter with a selection, one of the selected values. */
export function matchesSelection(index: SubstringIndex, record: SubstringRecord, selection: Selection): boolean {
  return Object.entries(selection).every(([name, chosen]) => {
    if (!chosen || chosen.length === 0) return true;
    const filter = name as FilterName;
    return record.filters[filter].some((i) => chosen.includes(index.values[filter][i]!));
  });
}

/**
 * Facet counts: for each filter value, how many of `records` have it and
 * match the selection in every *other* filter (so choosing one 辖区 still shows
 * how many results the other 辖区 would add).
 */
export function facetCounts(
  index: SubstringIndex,
  records: SubstringRecord[],
  selection: Selection,
): Record<FilterName, Map<string, number>> {
  const out = {} as Record<FilterName, Map<string, number>>;
  for (const filter of Object.keys(index.values) as FilterName[]) {
    const others: Selection = { ...selection, [filter]: [] };
    const counts = new Map<string, number>(index.values[filter].map((v) => [v, 0]));
    for (const record of records) {
      if (!matchesSelection(index, record, others)) continue;
      for (const i of new Set(record.filters[filter])) {
        const value = index.values[filter][i]!;
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    out[filter] = counts;
  }
  return out;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * `text` folded as the matcher folds it (NFKC, lower case, no whitespace),
 * with, for each folded character, the index of the character of `text` it
 * came from, so a match found in the folded text is marked where it stands.
 */
function foldWithPositions(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  let i = 0;
  for (const char of text) {
    const f = /\s/u.test(char) ? '' : char.normalize('NFKC').toLowerCase();
    folded += f;
    for (let k = 0; k < f.length; k += 1) at.push(i);
    i += char.length;
  }
  at.push(text.length);
  return { folded, at };
}

/**
 * A short passage of `text` around the first occurrence of a term, split into
 * marked and unmarked parts (the page renders marks as <mark>). Terms are
 * matched as the search matches them (width, case and whitespace folded) and
 * marked on the text as written. Null when no term occurs in the text.
 */
export function excerpt(text: string, terms: string[], radius = 40): ExcerptPart[] | null {
  const { folded, at } = foldWithPositions(text);
  const spans: Array<[number, number]> = [];
  for (const term of terms.filter((t) => t.length > 0)) {
    for (let f = folded.indexOf(term); f !== -1; f = folded.indexOf(term, f + term.length)) {
      spans.push([at[f]!, at[f + term.length - 1]! + 1]);
    }
  }
  if (spans.length === 0) return null;
  spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const first = spans[0]![0];
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + radius * 2);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let i = start;
  for (const [from, to] of spans) {
    if (from < i || from >= end) continue; // overlapping, or past the passage
    if (from > i) parts.push({ text: text.slice(i, from), mark: false });
    parts.push({ text: text.slice(from, to), mark: true });
    i = to;
  }
  if (i < end) parts.push({ text: text.slice(i, end), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}
