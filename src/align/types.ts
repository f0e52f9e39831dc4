/**
 * Types of the alignment: topic rows across plans.
 *
 * The engine needs only a few fields of the model, so it takes these
 * narrow shapes (a full `Plan` from src/model/schema.ts fits them).
 */
import type { Action, Plan, Task } from '../model/schema.ts';

export type AlignTask = Pick<Task, 'id' | 'plan' | 'number' | 'action' | 'title' | 'text'>;
export interface AlignPlan extends Pick<Plan, 'id' | 'name' | 'jurisdiction'> {
  actions: Pick<Action, 'index' | 'title'>[];
  tasks: AlignTask[];
}

/** One topic row: at most one task per plan; a merged task may sit in several rows. */
export interface AlignmentGroup {
  id: string;
  title: string;
  tasks: string[];
  /** How well each member fits the row (mean similarity to the other members; 1 for a lone task). */
  scores: Record<string, number>;
}

export interface AlignmentStats {
  tasks: number;
  /** Cross-plan pairs an exhaustive comparison would score. */
  allPairs: number;
  /** Cross-plan pairs actually scored after candidate retrieval. */
  scoredPairs: number;
}

export interface Alignment {
  groups: AlignmentGroup[];
  stats?: AlignmentStats;
}

/** Hand curation from content/alignment.yml. */
export interface Curated {
  /** Each entry: task ids forced into one row. */
  pin: string[][];
  /** Each entry: two task ids never paired. */
  split: [string, string][];
}

export type Tokenizer = 'bigram' | 'jieba';

export interface AlignOptions {
  tokenizer?: Tokenizer;
  /** Minimum similarity for two tasks to share a row. */
  threshold?: number;
}
