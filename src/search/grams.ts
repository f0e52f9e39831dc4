/**
 * The n-grams of the sharded substring index, shared by the builder and the
 * search page so both cut text the same way. A record is indexed under every
 * run of one, two and three characters (unigrams, bigrams, trigrams) of its
 * folded lead phrase and folded text; a query term is looked up by the
 * trigrams that cover it (or as itself, when shorter). A record holding the
 * term holds all of them, so the intersection never loses a match; for terms
 * of up to three characters it is exactly the matches, and longer terms are
 * verified against the text.
 */

/** Lead-phrase grams carry this mark, so the lead phrase has its own posting lists (tier 3). */
export const TITLE_MARK = '\u0001';

/** The longest gram indexed: terms up to this length are looked up exactly. */
export const GRAM = 3;

/** Adds every gram of one to `GRAM` characters of `folded` (already folded by `normalize`) to `into`. */
export function addGrams(folded: string, into: Set<string>, mark = ''): void {
  const chars = [...folded];
  for (let i = 0; i < chars.length; i += 1) {
    for (let n = 1; n <= GRAM && i + n <= chars.length; n += 1) into.add(mark + chars.slice(i, i + n).join(''));
  }
}

/**
 * The grams to look a folded term up by: the term itself when it has at most
 * `GRAM` characters, else grams of `GRAM` characters starting at every
 * `GRAM`-th one, plus the last, so together they cover the whole term.
 */
export function termGrams(term: string): string[] {
  const chars = [...term];
  if (chars.length <= GRAM) return [term];
  const grams = new Set<string>();
  for (let i = 0; i + GRAM <= chars.length; i += GRAM) grams.add(chars.slice(i, i + GRAM).join(''));
  grams.add(chars.slice(-GRAM).join(''));
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
