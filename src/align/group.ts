/**
 * Rows from scored pairs: greedy constrained agglomeration. Pairs are taken
 * best first; two rows merge when they share no plan and are not split by
 * curation. A second pass lets a merged task (one task covering what
 * another plan splits over several) join every further row it covers.
 */

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
}

export interface GroupInput {
  n: number;
  planOf: number[];
  pairs: ScoredPair[];
  threshold: number;
  /** Second-pass test: may task `t` join the row `members` as well? Returns its fit or 0. */
  extraFit: (t: number, members: number[]) => number;
  /** Text length of each task: only a task clearly longer than a row's members can be a merged one. */
  length: number[];
  pins: number[][];
  splits: [number, number][];
}

const OWN_RATIO = 0.8;
const MERGED_LENGTH = 2;

export function group(input: GroupInput): number[][] {
  const { n, planOf, pairs, threshold, pins, splits } = input;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  const plans: (Set<number> | null)[] = Array.from({ length: n }, (_, i) => new Set([planOf[i]]));
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const splitOf = new Map<number, Set<number>>();
  for (const [a, b] of splits) {
    if (!splitOf.has(a)) splitOf.set(a, new Set());
    if (!splitOf.has(b)) splitOf.set(b, new Set());
    splitOf.get(a)!.add(b);
    splitOf.get(b)!.add(a);
  }
  const splitBetween = (ra: number, rb: number) =>
    splitOf.size > 0 &&
    members[ra]!.some((x) => [...(splitOf.get(x) ?? [])].some((y) => find(y) === rb));
  const union = (x: number, y: number) => {
    // The larger row absorbs the smaller, so merging stays near-linear.
    const [ra, rb] = members[x]!.length >= members[y]!.length ? [x, y] : [y, x];
    parent[rb] = ra;
    members[ra]!.push(...members[rb]!);
    for (const p of plans[rb]!) plans[ra]!.add(p);
    members[rb] = null;
    plans[rb] = null;
  };
  const sorted = pairs.filter((p) => p.score >= threshold).sort((x, y) => y.score - x.score);
  for (const { a, b } of sorted) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const [small, large] = plans[ra]!.size <= plans[rb]!.size ? [plans[ra]!, plans[rb]!] : [plans[rb]!, plans[ra]!];
    if ([...small].some((p) => large.has(p))) continue;
    if (splitBetween(ra, rb)) continue;
    union(ra, rb);
  }
  const adjacent: number[][] = [];
  for (const { a, b } of pairs) {
    (adjacent[a] ??= []).push(b);
    (adjacent[b] ??= []).push(a);
  }
  const rows = members.filter((m): m is number[] => m !== null);
  // Second pass: a task already placed may also join rows lacking its plan,
  // when it fits there about as well as in its own row (a merged task).
  const rowOf = new Int32Array(n);
  rows.forEach((row, r) => row.forEach((t) => (rowOf[t] = r)));
  const ownFit = (t: number) => {
    const others = rows[rowOf[t]].filter((m) => m !== t);
    return others.length ? input.extraFit(t, others) : 0;
  };
  const extra: number[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    const present = new Set(row.map((t) => planOf[t]));
    const best = new Map<number, { t: number; fit: number }>();
    const near = new Set<number>();
    for (const m of row) for (const t of adjacent[m] ?? []) near.add(t);
    const meanLength = row.reduce((sum, m) => sum + input.length[m], 0) / row.length;
    for (const t of near) {
      if (input.length[t] < MERGED_LENGTH * meanLength) continue;
      if (present.has(planOf[t]) || (splitOf.size > 0 && row.some((m) => splitOf.get(m)?.has(t)))) continue;
      const fit = input.extraFit(t, row);
      if (fit > 0 && fit > (best.get(planOf[t])?.fit ?? 0) && fit >= OWN_RATIO * ownFit(t)) best.set(planOf[t], { t, fit });
    }
    for (const { t } of best.values()) extra[r].push(t);
  });
  const out = rows.map((row, r) => [...row, ...extra[r]]);
  return applyPins(out, pins, planOf);
}

/**
 * Pinned tasks share a row: the missing ones join the row of the first
 * pinned task when that row has no other task of their plans; otherwise
 * the pin becomes a row of its own. A task may so sit in several rows.
 */
function applyPins(rows: number[][], pins: number[][], planOf: number[]): number[][] {
  for (const pin of pins) {
    if (pin.length < 2 || rows.some((row) => pin.every((t) => row.includes(t)))) continue;
    const home = rows.find(
      (row) => row.includes(pin[0]) && pin.every((t) => row.includes(t) || !row.some((m) => planOf[m] === planOf[t])),
    );
    if (home) home.push(...pin.filter((t) => !home.includes(t)));
    else rows.push([...pin]);
  }
  // A lone row of a task that a pin placed elsewhere is no longer needed.
  const counts = new Map<number, number>();
  for (const row of rows) for (const t of row) counts.set(t, (counts.get(t) ?? 0) + 1);
  return rows.filter((row) => !(row.length === 1 && counts.get(row[0])! > 1));
}
