/**
 * Precision, recall and F1 of an alignment against hand-made pairs: a
 * predicted pair is any two tasks of different plans sharing a row.
 */
import type { Alignment } from './types.ts';

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
  correct: number;
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const planOf = (id: string) => id.slice(0, id.lastIndexOf('-'));

export function predictedPairs(alignment: Alignment): Set<string> {
  const out = new Set<string>();
  for (const g of alignment.groups)
    for (const a of g.tasks) for (const b of g.tasks) if (a < b && planOf(a) !== planOf(b)) out.add(key(a, b));
  return out;
}

export function evaluate(alignment: Alignment, gold: [string, string][], only?: Set<string>): Score {
  const goldSet = new Set(gold.map(([a, b]) => key(a, b)));
  let predicted = [...predictedPairs(alignment)];
  if (only) predicted = predicted.filter((p) => p.split('|').every((id) => only.has(planOf(id))));
  const correct = predicted.filter((p) => goldSet.has(p)).length;
  const precision = predicted.length ? correct / predicted.length : 0;
  const recall = goldSet.size ? correct / goldSet.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted: predicted.length, gold: goldSet.size, correct };
}
