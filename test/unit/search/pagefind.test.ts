import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { buildSearchIndex, type SearchRecordInput } from '../../../src/search/pagefind.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function site(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'planbook-pagefind-'));
  dirs.push(dir);
  return dir;
}

const record = (n: number, title: string): SearchRecordInput => ({
  url: `/plans/yueyang/tasks/${n}/`,
  content: `${title}\n${title}。组织经营场所依法安装燃气泄漏报警装置。`,
  meta: { title, plan: '岳阳街道', number: String(n), deadline: '2024年底', record: String(n - 1) },
  filters: { 辖区: ['岳阳街道'] },
});

/** The records Pagefind wrote: each fragment is gzip of `pagefind_dcd` + JSON. */
async function fragments(dir: string): Promise<{ url: string; meta: Record<string, string>; filters: Record<string, string[]> }[]> {
  const folder = path.join(dir, 'pagefind', 'fragment');
  const names = (await readdir(folder)).sort();
  return Promise.all(
    names.map(async (name) => JSON.parse(gunzipSync(await readFile(path.join(folder, name))).toString('utf8').slice('pagefind_dcd'.length))),
  );
}

describe('buildSearchIndex', () => {
  test('indexes one record per task given, with its URL, filters and its id in the substring index', async () => {
    const dir = await site();
    const result = await buildSearchIndex(dir, [record(8, '深化城镇燃气专项治理'), record(9, '深化建设工程施工专项治理')]);
    expect(result.pages).toBe(2);
    expect(result.files).toBeGreaterThan(2);
    const written = await fragments(dir);
    expect(written.map((f) => [f.url, f.meta['record']]).sort()).toEqual([
      ['/plans/yueyang/tasks/8/', '7'],
      ['/plans/yueyang/tasks/9/', '8'],
    ]);
    expect(written[0]!.filters['辖区']).toEqual(['岳阳街道']);
  });

  test('replaces an earlier index instead of adding to it', async () => {
    const dir = await site();
    const first = await buildSearchIndex(dir, [record(8, '深化城镇燃气专项治理')]);
    const second = await buildSearchIndex(dir, [record(7, '深化消防安全专项治理')]);
    expect(second.pages).toBe(1);
    expect(second.files).toBe(first.files);
    expect((await fragments(dir)).map((f) => f.url)).toEqual(['/plans/yueyang/tasks/7/']);
  });

  test('fails with a cause when there is nothing to index', async () => {
    const error = await buildSearchIndex(await site(), []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/没有任何记录/);
    expect((error as Error).cause).toBeInstanceOf(AggregateError);
  });

  test('fails when the site directory does not exist', async () => {
    await expect(buildSearchIndex(path.join(os.tmpdir(), 'planbook-no-such-dir'), [record(8, '燃气')])).rejects.toThrow(/不存在/);
  });
});
