/**
 * The n-grams of the sharded substring index, shared by the builder and the
 * search page so both cut text the same way. A record is indexed under every
 * character (unigram) and every pair of adjacent characters (bigram) of its
 * folded lead phrase and folded text; a query term is looked up by bigrams
 * that cover it. A record holding the term holds all of them, so the
 * intersection never loses a match; for terms of one or two characters it is
 * exactly the matches, and longer terms are verified against the text.
 */

/** Lead-phrase grams carry this mark, so the lead phrase has its own posting lists (tier 3). */
export const TITLE_MARK = '\u0001';

/** Adds every unigram and bigram of `folded` (already folded by `normalize`) to `into`. */
export function addGrams(folded: string, into: Set<string>, mark = ''): void {
  const chars = [...folded];
  for (let i = 0; i < chars.length; i += 1) {
    into.add(mark + chars[i]!);
    if (i + 1 < chars.length) into.add(mark + chars[i]! + chars[i + 1]!);
  }
}

/**
 * The grams to look a folded term up by: the term itself when it has one
 * character, else bigrams starting at every second character, plus the last
 * bigram, so together they cover every character of the term.
 */
export function termGrams(term: string): string[] {
  const chars = [...term];
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 2) grams.add(chars[i]! + chars[i + 1]!);
  grams.add(chars.at(-2)! + chars.at(-1)!);
  return [...grams];
}

/** Which of `shards` files holds a gram's posting list (FNV-1a over UTF-16 code units). */
export function shardOf(gram: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i += 1) {
    hash ^= gram.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** Sorted record ids as gaps (the first id, then the difference to the one before), which gzip packs well. */
export function toGaps(ids: readonly number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]!));
}

export function fromGaps(gaps: readonly number[]): number[] {
  const ids: number[] = [];
  let at = 0;
  for (const gap of gaps) ids.push((at += gap));
  return ids;
}
