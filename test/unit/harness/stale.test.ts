import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isStale } from '../../e2e/harness/global-setup.ts';

const dist = mkdtempSync(join(tmpdir(), 'planbook-dist-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('isStale (the e2e suite builds what it tests)', () => {
  test('a missing site is stale', () => {
    expect(isStale(dist)).toBe(true);
  });

  test('a site built after every source is fresh, one built before a source changed is stale', () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    expect(isStale(dist)).toBe(false);
    utimesSync(join(dist, 'index.html'), new Date(1000), new Date(1000)); // built long before the sources
    expect(isStale(dist)).toBe(true);
  });
});
