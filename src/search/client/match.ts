/**
 * Pure text helpers of the search page: folding, query terms, unit names,
 * excerpts. No DOM here, so they are unit-tested in Node and run unchanged
 * in the browser.
 */
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

/**
 * The places (辖区) a query names beside other terms: a term of two or more
 * characters that begins the name of one or more of `places` (长宁、长宁区 →
 * 长宁区; not 区 or 街道, which end many names). Null when no term names a
 * place, or every term does (a place alone is searched in the text).
 */
export function namedPlaces(terms: readonly string[], places: readonly string[]): { named: string[]; places: string[]; rest: string[] } | null {
  const of = (term: string) => ([...term].length < 2 ? [] : places.filter((place) => normalize(place).startsWith(term)));
  const named = terms.filter((t) => of(t).length > 0);
  if (named.length === 0 || named.length === terms.length) return null;
  // Two place terms (长宁区 庙行镇) mean either place.
  return { named, places: [...new Set(named.flatMap(of))], rest: terms.filter((t) => !named.includes(t)) };
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

/** A term's bigrams, in order (none for a single character). */
export function bigramsOf(term: string): string[] {
  const chars = [...term];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]!);
}

/** A bigram at a word's edge is this many times rarer than the bigrams beside it. */
const EDGE = 4;

/**
 * A folded term that no task holds whole, cut into the words a reader would
 * search for, from how many tasks hold each of its bigrams (`tasksWith`):
 * the term is cut where a bigram no task holds, or one at least `EDGE` times
 * rarer than each bigram beside it, marks the edge between two words
 * (消防通道占用整治 → 消防通道、占用、整治: 道占 and 用整 are rare, the
 * words' own bigrams common). No dictionary: the plans' own text decides.
 * Terms of up to two characters stay whole.
 */
export function splitWords(term: string, tasksWith: (bigram: string) => number): string[] {
  const chars = [...term];
  if (chars.length <= 2) return [term];
  const counts = bigramsOf(term).map(tasksWith);
  const words: string[] = [];
  let start = 0;
  counts.forEach((n, i) => {
    const beside = [counts[i - 1], counts[i + 1]].filter((m): m is number => m !== undefined);
    if (n === 0 || beside.every((m) => n * EDGE <= m)) {
      words.push(chars.slice(start, i + 1).join(''));
      start = i + 1;
    }
  });
  words.push(chars.slice(start).join(''));
  return words;
}

/**
 * A word cut finer, into pieces of one or two characters, for a looser
 * search when no task holds every word (`splitWords`): the cut whose
 * two-character pieces the most tasks hold (the sum of log(1 + tasks) over
 * them; a single character scores nothing, and of equal cuts the one with
 * fewer pieces wins), so 安全员 → 安全、员 rather than 安、全员, and
 * 建筑施工 → 建筑、施工. `tasksWith` as for `splitWords`.
 */
export function cutPieces(word: string, tasksWith: (bigram: string) => number): string[] {
  // A run of Latin letters or digits (2025, lng) is one piece; only the rest is cut.
  return (word.match(/[a-z0-9]+|[^a-z0-9]+/g) ?? []).flatMap((run) => (/^[a-z0-9]/.test(run) ? [run] : cutRun(run, tasksWith)));
}

function cutRun(run: string, tasksWith: (bigram: string) => number): string[] {
  const chars = [...run];
  // best[i]: the best cut of the first i characters, as [score, pieces].
  const best: [number, string[]][] = [[0, []]];
  for (let i = 1; i <= chars.length; i += 1) {
    const single: [number, string[]] = [best[i - 1]![0], [...best[i - 1]![1], chars[i - 1]!]];
    if (i < 2) {
      best.push(single);
      continue;
    }
    const pair = chars[i - 2]! + chars[i - 1]!;
    const paired: [number, string[]] = [best[i - 2]![0] + Math.log1p(tasksWith(pair)), [...best[i - 2]![1], pair]];
    const better = paired[0] > single[0] || (paired[0] === single[0] && paired[1].length <= single[1].length);
    best.push(better ? paired : single);
  }
  return best[chars.length]![1];
}
