/** What every bench module gets and returns. */

export interface BenchContext {
  /** Project root (absolute). */
  root: string;
  /** The synthetic corpus: `<id>.md` files made by scripts/corpus.ts (absolute). */
  corpusDir: string;
  /** The real plans, content/plans (absolute). */
  fivePlansDir: string;
  /** Progress notes, printed to stderr indented under the bench's name. */
  log(line: string): void;
}

/**
 * A bench module's results. Name each key with its unit in parentheses, as
 * the table shows it and the comparison needs it: `corpus parse (plans/s)`,
 * `peak RSS (MB)`, `build (s)`. Units ending in `/s` are better higher;
 * all others (ms, s, MB, KB …) better lower. Strings are shown as they are.
 */
export type BenchResults = Record<string, number | string>;

export interface BenchModule {
  run(ctx: BenchContext): Promise<BenchResults>;
}
