/** Timing and memory helpers for bench modules. */
import { memoryUsage } from 'node:process';

/**
 * Run `fn` repeatedly until both `minRuns` runs and `minMs` milliseconds
 * are spent, after one untimed warm-up run (unless `warmup: false`); returns
 * the fastest run and the mean, in milliseconds.
 */
export async function repeat(fn: () => unknown, options: { minRuns?: number; minMs?: number; warmup?: boolean } = {}) {
  const { minRuns = 3, minMs = 1000, warmup = true } = options;
  if (warmup) await fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < minRuns || performance.now() - started < minMs) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { best: Math.min(...times), mean: times.reduce((a, b) => a + b, 0) / times.length, runs: times.length };
}

/**
 * Sample heap and RSS every `everyMs` while `fn` runs; returns its result and
 * the high-water marks in bytes. Samples miss peaks shorter than the interval
 * and a synchronous `fn` is sampled only before and after: use a child
 * process (bench/lib/child.ts) for an exact peak RSS.
 */
export async function withMemorySampling<T>(fn: () => Promise<T>, everyMs = 5) {
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const usage = memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  try {
    const result = await fn();
    sample();
    return { result, heapPeak: heap, rssPeak: rss };
  } finally {
    clearInterval(timer);
  }
}

export const MB = 1024 * 1024;

/** Round to 3 significant digits, for a readable table. */
export function round(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(digits));
}
