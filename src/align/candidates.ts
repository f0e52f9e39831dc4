/**
 * Candidate retrieval without scoring all pairs: an inverted index over each
 * task's most distinctive terms (its top-K TF-IDF terms), queried with all
 * terms of every task. Two tasks of different plans become candidates when
 * the query shares at least `minShared` of the other's keys — so a long task
 * that merges several topics still finds each short task it contains.
 * A key held by more than `maxPosting` tasks (a topic repeated across
 * hundreds of plans) keeps an even sample of them, and each task keeps its
 * `perTask` best candidates: every task still links to enough members of
 * its row, and the cost stays linear in the number of tasks.
 */
import type { SparseVector } from './vectors.ts';

export interface CandidateOptions {
  keys?: number;
  minShared?: number;
  maxPosting?: number;
  /** Each task keeps at most this many candidates, those sharing the most keys. */
  perTask?: number;
  /** Each task queries the index with this many of its highest-weighted terms. */
  queryTerms?: number;
}

function topKeys(v: SparseVector, k: number): number[] {
  const order = [...v.ids.keys()].sort((a, b) => v.weights[b] - v.weights[a]);
  return order.slice(0, k).map((i) => v.ids[i]);
}

/** Returns candidate pairs as [i, j] with i < j (indices into `vectors`). */
export function candidatePairs(vectors: SparseVector[], planOf: number[], options: CandidateOptions = {}): [number, number][] {
  const { keys = 24, minShared = 2, maxPosting = 64, perTask = 24, queryTerms = 150 } = options;
  const postings = new Map<number, number[]>();
  vectors.forEach((v, i) => {
    for (const key of topKeys(v, keys)) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
  });
  for (const [key, list] of postings) {
    if (list.length <= maxPosting) continue;
    const step = list.length / maxPosting;
    postings.set(key, Array.from({ length: maxPosting }, (_, k) => list[Math.floor(k * step)]));
  }
  const n = vectors.length;
  const counts = new Int32Array(n);
  const seen = new Set<number>();
  const out: [number, number][] = [];
  vectors.forEach((v, i) => {
    const touched: number[] = [];
    const terms = v.ids.length > queryTerms ? topKeys(v, queryTerms) : v.ids;
    for (const term of terms) {
      for (const j of postings.get(term) ?? []) {
        if (planOf[j] === planOf[i]) continue;
        if (counts[j]++ === 0) touched.push(j);
      }
    }
    const kept = touched.filter((j) => counts[j] >= minShared);
    if (kept.length > perTask) kept.sort((x, y) => counts[y] - counts[x]).length = perTask;
    for (const j of kept) {
      const key = i < j ? i * n + j : j * n + i;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(i < j ? [i, j] : [j, i]);
      }
    }
    for (const j of touched) counts[j] = 0;
  });
  return out;
}
