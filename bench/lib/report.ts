/** The results table, and the comparison with the previous run. */
import type { BenchResults } from './types.ts';

export interface BenchRun {
  date: string;
  node: string;
  platform: string;
  cpus: number;
  /** bench name → results; a bench that failed has `{ error }`. */
  results: Record<string, BenchResults>;
}

const LOWER_IS_BETTER = new Set(['ms', 's', 'min', 'B', 'KB', 'MB', 'GB']);

/** `corpus parse (plans/s)` → `plans/s`. */
export function unitOf(key: string): string {
  return /\(([^()]+)\)$/.exec(key)?.[1] ?? '';
}

const SPREAD = /^(-?[\d.]+) \((-?[\d.]+)–(-?[\d.]+)\)$/;

/**
 * The ratio to the previous run, with a verdict only where one is earned: a
 * value given with its spread (`9.8 (9.5–10.4)`, median and range of
 * repeated runs) is called better or worse when the previous median lies
 * outside this run's range; a single number gets its ratio and no verdict,
 * since one run cannot tell a change from noise.
 */
export function compare(key: string, value: number | string, previous: number | string | undefined): string {
  const now = typeof value === 'string' ? SPREAD.exec(value) : null;
  const before = typeof previous === 'string' ? SPREAD.exec(previous) : null;
  const current = now ? Number(now[1]) : value;
  const prior = before ? Number(before[1]) : previous;
  if (typeof current !== 'number' || typeof prior !== 'number' || prior === 0) return '';
  const ratio = `×${(current / prior).toFixed(2)}`;
  if (!now) return ratio;
  const unit = unitOf(key);
  const direction = unit.endsWith('/s') ? 1 : LOWER_IS_BETTER.has(unit) ? -1 : 0;
  if (direction === 0) return ratio;
  const [low, high] = [Number(now[2]), Number(now[3])];
  if (prior >= low && prior <= high) return `${ratio} 在波动范围内`;
  return `${ratio} ${(current > prior) === (direction > 0) ? '更好' : '更差'}`;
}

export function formatTable(run: BenchRun, previous: BenchRun | null): string {
  const rows: string[][] = [['测试', '指标', '数值', '单位', previous ? `对比 ${previous.date.slice(0, 16)}` : '']];
  for (const [bench, results] of Object.entries(run.results)) {
    for (const [key, value] of Object.entries(results)) {
      const metric = key.replace(/\s*\([^()]+\)$/, '');
      rows.push([bench, metric, String(value), unitOf(key), compare(key, value, previous?.results[bench]?.[key])]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column]!))));
  return rows
    .map((row) => row.map((cell, column) => pad(cell, widths[column]!, column === 2)).join('  ').trimEnd())
    .join('\n');
}

/** CJK characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}
