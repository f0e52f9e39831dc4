/**
 * Aligns the tasks of several plans into topic rows.
 *
 * Pure: takes plans (the model), returns rows. Texts are compared after
 * normalisation (deadlines, bracketed unit clauses and place names removed)
 * as TF-IDF vectors; candidates come from an inverted index, so the work
 * grows with the number of tasks rather than with the number of pairs.
 */
import type { AlignOptions, AlignPlan, Alignment, AlignmentGroup, Curated } from './types.ts';
import { normalizer, placeNames } from './normalize.ts';
import { tokenize } from './tokens.ts';
import { cosine, vectorize } from './vectors.ts';
import { candidatePairs } from './candidates.ts';
import { group, type ScoredPair } from './group.ts';
import { rowTitle } from './title.ts';

export type * from './types.ts';

/** Weights of text, lead phrase and action title in a pair's similarity; tuned on the gold set. */
export const WEIGHTS = { text: 0.7, title: 0.15, action: 0.15 };
/** The second pass (merged tasks): weights of best-sentence similarity and action title similarity. */
const EXTRA = { sentence: 0.5, action: 0.5 };
/** Tuned on test/fixtures/align/gold.json (see README, Comparison). */
const DEFAULTS = { bigram: { threshold: 0.15, extra: 0.3 }, jieba: { threshold: 0.2, extra: 0.3 } };

export function alignPlans(plans: AlignPlan[], curated?: Curated, options: AlignOptions = {}): Alignment {
  const tokenizer = options.tokenizer ?? 'bigram';
  const threshold = options.threshold ?? DEFAULTS[tokenizer].threshold;
  const extraThreshold = DEFAULTS[tokenizer].extra;
  const normalize = normalizer(placeNames(plans));
  const tasks = plans.flatMap((plan, p) =>
    plan.tasks.map((task) => ({
      task,
      plan: p,
      position: plan.tasks.length > 1 ? plan.tasks.indexOf(task) / (plan.tasks.length - 1) : 0,
      action: plan.actions.find((a) => a.index === task.action)?.title ?? '',
    })),
  );
  const index = new Map(tasks.map((t, i) => [t.task.id, i]));
  const planOf = tasks.map((t) => t.plan);
  const normalized = tasks.map((t) => normalize(t.task.text));
  const textSpace = vectorize(normalized.map((s) => tokenize(s, tokenizer)));
  const text = textSpace.vectors;
  // Sentences of long tasks, to see which topics a merged task covers.
  const sentences = normalized.map((s) => {
    const parts = s.split(/[。；]/).filter((p) => p.length >= 12);
    return parts.length >= 3 ? parts.map((p) => textSpace.project(tokenize(p, tokenizer))) : [];
  });
  const title = vectorize(tasks.map((t) => tokenize(normalize(t.task.title), 'bigram'))).vectors;
  const action = vectorize(tasks.map((t) => tokenize(normalize(t.action), 'bigram'))).vectors;
  const similarity = (a: number, b: number) =>
    WEIGHTS.text * cosine(text[a], text[b]) + WEIGHTS.title * cosine(title[a], title[b]) + WEIGHTS.action * cosine(action[a], action[b]);

  const candidates = candidatePairs(text, planOf);
  const pairs: ScoredPair[] = candidates.map(([a, b]) => ({ a, b, score: similarity(a, b) }));
  const ids = (list: string[]) => list.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  const rows = group({
    n: tasks.length,
    planOf,
    pairs,
    threshold,
    length: normalized.map((s) => s.length),
    pins: (curated?.pin ?? []).map(ids),
    splits: (curated?.split ?? []).map(ids).filter((p): p is [number, number] => p.length === 2),
    extraFit: (t, members) => {
      // A merged task has a sentence that says what the row's members say.
      if (!sentences[t].length) return 0;
      const sample = members.slice(0, 8);
      const fit =
        sample.reduce((s, m) => s + EXTRA.sentence * Math.max(...sentences[t].map((v) => cosine(text[m], v))) + EXTRA.action * cosine(action[m], action[t]), 0) /
        sample.length;
      return fit >= extraThreshold ? fit : 0;
    },
  });

  const groups: (AlignmentGroup & { key: number })[] = rows.map((row) => {
    const sims = row.map((a) => {
      const others = row.slice(0, 17).filter((b) => b !== a).slice(0, 16);
      return others.length ? others.reduce((s, b) => s + similarity(a, b), 0) / others.length : 1;
    });
    return {
      id: '',
      title: rowTitle(row.map((i) => tasks[i].task.title), sims),
      tasks: row.map((i) => tasks[i].task.id),
      scores: Object.fromEntries(row.map((i, k) => [tasks[i].task.id, Math.round(Math.min(1, sims[k]) * 1000) / 1000])),
      key: row.reduce((s, i) => s + tasks[i].position, 0) / row.length,
    };
  });
  groups.sort((a, b) => a.key - b.key);
  const n = tasks.length;
  const rank = new Map(tasks.map((t, i) => [t.task.id, i]));
  return {
    groups: groups.map(({ key: _key, ...g }, i) => ({ ...g, id: `row-${i + 1}`, tasks: [...g.tasks].sort((a, b) => rank.get(a)! - rank.get(b)!) })),
    stats: { tasks: n, allPairs: crossPairs(plans), scoredPairs: pairs.length },
  };
}

function crossPairs(plans: AlignPlan[]): number {
  const sizes = plans.map((p) => p.tasks.length);
  const total = sizes.reduce((s, x) => s + x, 0);
  return (total * total - sizes.reduce((s, x) => s + x * x, 0)) / 2;
}

export interface Counterpart {
  taskId: string;
  score: number;
  groupId: string;
}

/** The tasks that share a row with `taskId`, best first (a task in several rows has counterparts from each). */
export function counterparts(alignment: Alignment, taskId: string): Counterpart[] {
  const best = new Map<string, Counterpart>();
  for (const g of alignment.groups) {
    if (!g.tasks.includes(taskId)) continue;
    for (const other of g.tasks) {
      if (other === taskId) continue;
      const score = g.scores[other] ?? 0;
      if (!best.has(other) || best.get(other)!.score < score) best.set(other, { taskId: other, score, groupId: g.id });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
