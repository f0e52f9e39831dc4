import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildSearchIndex } from '../../../src/search/pagefind.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'planbook-pagefind-'));
  dirs.push(dir);
  for (const [file, body] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`);
  }
  return dir;
}

const task = (title: string) =>
  `<nav>方案 单位</nav><article data-pagefind-body><meta data-pagefind-filter="辖区[content]" content="岳阳街道"><h1>${title}</h1><p>${title}。组织经营场所依法安装燃气泄漏报警装置。</p></article>`;

describe('buildSearchIndex', () => {
  test('indexes only the task pages and maps each result id to its URL', async () => {
    const dir = await site({
      'index.html': '<main>首页 燃气</main>',
      'plans/yueyang/tasks/8/index.html': task('深化城镇燃气专项治理'),
      'plans/yueyang/tasks/9/index.html': task('深化建设工程施工专项治理'),
    });
    const result = await buildSearchIndex(dir);
    expect(result.pages).toBe(2);
    expect(result.files).toBeGreaterThan(2);
    const urls = JSON.parse(await readFile(path.join(dir, 'search/pagefind-urls.json'), 'utf8'));
    expect(Object.values(urls).sort()).toEqual(['/plans/yueyang/tasks/8/', '/plans/yueyang/tasks/9/']);
    expect(Object.keys(urls).every((id) => id.startsWith('zh-cn_'))).toBe(true);
  });

  test('replaces an earlier index instead of adding to it', async () => {
    const dir = await site({ 'plans/yueyang/tasks/8/index.html': task('深化城镇燃气专项治理') });
    const first = await buildSearchIndex(dir);
    await rm(path.join(dir, 'plans/yueyang/tasks/8'), { recursive: true });
    await mkdir(path.join(dir, 'plans/yueyang/tasks/7'), { recursive: true });
    await writeFile(path.join(dir, 'plans/yueyang/tasks/7/index.html'), `<html lang="zh-CN"><body>${task('深化消防安全专项治理')}</body></html>`);
    const second = await buildSearchIndex(dir);
    expect(second.pages).toBe(1);
    expect(second.files).toBe(first.files);
  });

  test('fails with a cause when a page that is not a task would become a record', async () => {
    const dir = await site({ 'index.html': '<main>首页</main>' });
    const error = await buildSearchIndex(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/不是任务页却被索引：\//);
    expect((error as Error).cause).toBeInstanceOf(AggregateError);
  });

  test('fails when the site directory does not exist', async () => {
    await expect(buildSearchIndex(path.join(os.tmpdir(), 'planbook-no-such-dir'))).rejects.toThrow(/不存在/);
  });
});
