import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkLinks, formatBroken } from '../../../src/build/links.ts';

let dist: string;
function write(path: string, body: string) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), body);
}

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'planbook-links-'));
  write('index.html', '<a href="/plans/a/">a</a><a href="/plans/a/#task-1">t1</a><link href="/_astro/x.css"><a href="https://example.org/">ext</a><a href="mailto:a@b.c">m</a>');
  write('plans/a/index.html', '<div id="task-1"></div><a href="#task-1">self</a><a href="tasks/1/">rel</a><a href="/units/%E6%B6%88%E9%98%B2/">u</a>');
  write('plans/a/tasks/1/index.html', '<a href="/plans/a/#task-2">missing anchor</a><a href="/pdf/a.pdf">pdf</a><a href="/search/?q=x">q</a>');
  write('units/消防/index.html', '<img src="/nope.png">');
  write('_astro/x.css', '');
  write('search/index.html', '');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('checkLinks', () => {
  test('accepts links to pages, files, encoded paths, query strings and existing anchors', async () => {
    const { broken } = await checkLinks(dist);
    const pages = new Set(broken.map((b) => b.page));
    expect(pages.has('index.html')).toBe(false);
    expect(pages.has('plans/a/index.html')).toBe(false);
  });

  test('reports a missing file and a missing #task anchor, and skips external links', async () => {
    const { broken } = await checkLinks(dist);
    expect(broken.map((b) => [b.page, b.url])).toEqual([
      ['plans/a/tasks/1/index.html', '/plans/a/#task-2'],
      ['plans/a/tasks/1/index.html', '/pdf/a.pdf'],
      ['units/消防/index.html', '/nope.png'],
    ]);
    expect(broken[0]!.reason).toContain('task-2');
  });

  test('under a base path, accepts links inside it and reports a root link that leaves it', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'planbook-links-base-'));
    try {
      mkdirSync(join(sub, 'plans/a'), { recursive: true });
      writeFileSync(join(sub, 'index.html'), '<a href="/anquan/plans/a/">a</a><a href="plans/a/#t">rel</a><a href="/plans/a/">root</a>');
      writeFileSync(join(sub, 'plans/a/index.html'), '<p id="t"></p><a href="../../">home</a>');
      const { broken } = await checkLinks(sub, '/anquan/');
      expect(broken.map((b) => [b.page, b.url, b.reason])).toEqual([['index.html', '/plans/a/', '不在站点子路径 /anquan/ 之下']]);
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  test('formats one line per broken URL with the pages that use it', async () => {
    const lines = formatBroken([
      { page: 'a.html', url: '/x/', reason: '找不到文件 /x/' },
      { page: 'b.html', url: '/x/', reason: '找不到文件 /x/' },
    ]);
    expect(lines).toEqual(['/x/：找不到文件 /x/（见 a.html、b.html）']);
  });
});
