import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PlansExportSchema, writeExports, writeFileAtomic } from '../../../src/export/index.ts';
import { loadFixturePlans } from './fixture.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planbook-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeExports', () => {
  test('writes plans.json, tasks.csv and tasks.xlsx into a new folder and nothing else', async () => {
    const out = join(dir, 'data');
    const written = await writeExports(loadFixturePlans(), out);
    expect(written).toEqual(['plans.json', 'tasks.csv', 'tasks.xlsx'].map((name) => join(out, name)));
    expect((await readdir(out)).sort()).toEqual(['plans.json', 'tasks.csv', 'tasks.xlsx']);
    const json = JSON.parse(await readFile(join(out, 'plans.json'), 'utf8'));
    expect(PlansExportSchema.parse(json).tasks).toHaveLength(4);
    const xlsx = await readFile(join(out, 'tasks.xlsx'));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('writeFileAtomic', () => {
  test('replaces an existing file by default', async () => {
    const path = join(dir, 'a.txt');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  test('refuses to replace an existing file when told not to, and leaves no temporary file', async () => {
    const path = join(dir, 'a.txt');
    await writeFile(path, 'old');
    await expect(writeFileAtomic(path, 'new', { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });
});
