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

/** `×1.25 快` style note; empty when there is nothing to compare. */
export function compare(key: string, value: number | string, previous: number | string | undefined): string {
  if (typeof value !== 'number' || typeof previous !== 'number' || previous === 0) return '';
  const ratio = value / previous;
  const unit = unitOf(key);
  const direction = unit.endsWith('/s') ? 1 : LOWER_IS_BETTER.has(unit) ? -1 : 0;
  const change = Math.abs(ratio - 1) < 0.05 ? '持平' : direction === 0 ? '' : (ratio > 1) === (direction > 0) ? '更好' : '更差';
  return `×${ratio.toFixed(2)}${change ? ` ${change}` : ''}`;
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
