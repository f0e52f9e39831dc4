/**
 * Inputs the Markdown parser cannot read in linear time. micromark resolves
 * emphasis (`*`, `_`), strikethrough (`~`) and link ends (`](`) by pairing
 * delimiter runs within one paragraph, which costs time in the square of
 * their number: 50,000 runs of `*_` in one paragraph take minutes. No plan
 * writes more than a handful per paragraph, so a paragraph with more than
 * `MAX_DELIMITER_RUNS` is refused with its position before parsing.
 *
 * In: a paragraph `*_*_*_…` (100 KB). Out: `{ line: 14, column: 1, runs: 100000 }`.
 */
export const MAX_DELIMITER_RUNS = 2_000;

export interface DelimiterFlood {
  line: number;
  column: number;
  runs: number;
}

const DELIMITER = /(?<!\\)(?:\*+|_+|~+)|\](?=\()/g;

export function findDelimiterFlood(markdown: string): DelimiterFlood | null {
  let start = 1;
  let runs = 0;
  let line = 0;
  let flood: DelimiterFlood | null = null;
  for (const text of markdown.split('\n')) {
    line++;
    if (text.trim() === '') {
      if (flood) return flood; // the whole paragraph is counted, for the message
      runs = 0;
      start = line + 1;
      continue;
    }
    runs += text.match(DELIMITER)?.length ?? 0;
    if (flood) flood.runs = runs;
    else if (runs > MAX_DELIMITER_RUNS) flood = { line: start, column: 1, runs };
  }
  return flood;
}
