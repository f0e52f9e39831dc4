/**
 * Sparse TF-IDF vectors (L2-normalised) over a corpus of token lists.
 */

export interface SparseVector {
  /** Term ids, ascending. */
  ids: Int32Array;
  weights: Float64Array;
}

export interface Vectorized {
  vectors: SparseVector[];
  /** Inverse document frequency by term id. */
  idf: Float64Array;
  /** Vectorises another token list in the same term space (unknown terms dropped). */
  project: (tokens: string[]) => SparseVector;
}

export function vectorize(docs: string[][]): Vectorized {
  const dict = new Map<string, number>();
  const df: number[] = [];
  const counts = docs.map((tokens) => {
    const tf = new Map<number, number>();
    for (const t of tokens) {
      let id = dict.get(t);
      if (id === undefined) {
        id = dict.size;
        dict.set(t, id);
        df.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) df[id]++;
    return tf;
  });
  const n = docs.length;
  const idf = Float64Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
  const weigh = (tf: Map<number, number>): SparseVector => {
    const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const weights = Float64Array.from(ids, (id) => (1 + Math.log(tf.get(id)!)) * idf[id]);
    let sum = 0;
    for (const w of weights) sum += w * w;
    const norm = Math.sqrt(sum) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] /= norm;
    return { ids, weights };
  };
  const project = (tokens: string[]) => {
    const tf = new Map<number, number>();
    for (const t of tokens) {
      const id = dict.get(t);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return weigh(tf);
  };
  return { vectors: counts.map(weigh), idf, project };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i];
    const y = b.ids[j];
    if (x === y) {
      s += a.weights[i++] * b.weights[j++];
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Share of `a`'s weight that `b` also has: high when `a` is contained in a longer `b`. */
export function containment(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  let total = 0;
  for (const w of a.weights) total += w * w;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) {
      s += a.weights[i] * a.weights[i];
      i++;
      j++;
    } else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return total ? s / total : 0;
}
