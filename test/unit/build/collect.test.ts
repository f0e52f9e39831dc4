import { describe, expect, test } from 'vitest';
import { collectBetweenSteps, collectGarbage, heapBudget, SMALL_HEAP } from '../../../src/build/collect.ts';

describe('heapBudget', () => {
  test('collects once the heap has grown by the budget since the last collection, and not before', () => {
    // A loop that grows the heap by 50 a round and keeps 30 of each 100 it collects.
    let heap = 100;
    let collections = 0;
    const budget = heapBudget(
      100,
      () => heap,
      () => {
        collections++;
        heap = 100 + 10 * collections * 3;
      },
    );
    const seen: number[] = [];
    for (let round = 0; round < 6; round++) {
      heap += 50;
      budget.check();
      seen.push(heap);
    }
    // Collected at rounds 2, 4 and 6, each time 100 above what the collection before left.
    expect(collections).toBe(3);
    expect(seen).toEqual([150, 130, 180, 160, 210, 190]);
  });

  test('runs a real collection by default', () => {
    const budget = heapBudget(0);
    expect(() => budget.check()).not.toThrow();
  });
});

describe('collectGarbage', () => {
  test('hands freed memory back to the system when asked to release it', () => {
    let garbage: unknown[] | null = Array.from({ length: 40 }, () => Array.from({ length: 100_000 }, (_, i) => ({ i, text: `任务${i}` })));
    const full = process.memoryUsage().rss;
    expect(garbage).toHaveLength(40);
    garbage = null;
    collectGarbage(true);
    // About 0.4 GB of objects freed: the resident set falls by more than half of it.
    expect(full - process.memoryUsage().rss).toBeGreaterThan(200 * 1024 * 1024);
  });
});

describe('collectBetweenSteps', () => {
  test('collects, handing the memory back, only a heap of SMALL_HEAP or more', () => {
    const calls: unknown[] = [];
    expect(collectBetweenSteps(true, () => SMALL_HEAP - 1, (release) => calls.push(release))).toBe(false);
    expect(calls).toEqual([]);
    expect(collectBetweenSteps(true, () => SMALL_HEAP, (release) => calls.push(release))).toBe(true);
    expect(collectBetweenSteps(false, () => 2 * SMALL_HEAP, (release) => calls.push(release))).toBe(true);
    expect(calls).toEqual([true, false]);
  });
});
