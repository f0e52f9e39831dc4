/**
 * A sample of the fuzz run (`npm run fuzz` runs 2 × 1,000): mutated plans
 * through the gate and, when it passes, the PDFs and exports; mutated raw
 * texts through the importer, whose output must pass the gate.
 */
import { describe, expect, test } from 'vitest';
import { fuzzImport, fuzzPlan } from '../../fuzz/run.ts';

const SEEDS = Array.from({ length: 24 }, (_, i) => 7_001 + i * 37);

describe('fuzzed content', () => {
  test.each(SEEDS)('plan mutant %i: positioned Chinese messages, and output when the gate passes', async (seed) => {
    expect(await fuzzPlan(seed)).toEqual([]);
  });

  test.each(SEEDS)('import mutant %i: positioned Chinese messages, and what is written passes the gate', (seed) => {
    expect(fuzzImport(seed)).toEqual([]);
  });
});
