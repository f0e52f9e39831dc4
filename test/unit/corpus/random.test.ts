import { describe, expect, test } from 'vitest';
import { createRandom, planSeed } from '../../../src/corpus/random.ts';

describe('createRandom', () => {
  test('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  test('keeps integers within bounds and samples distinct items', () => {
    const random = createRandom(1);
    const values = Array.from({ length: 1000 }, () => random.int(2, 5));
    expect(new Set(values)).toEqual(new Set([2, 3, 4, 5]));
    const sample = random.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
  });

  test('gives neighbouring plans different seeds', () => {
    expect(planSeed(1, 0)).not.toBe(planSeed(1, 1));
    expect(planSeed(1, 0)).not.toBe(planSeed(2, 0));
  });
});
