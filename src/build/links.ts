import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { siteFiles } from './site-files.ts';

/** A link in a built page that leads nowhere. */
export interface BrokenLink {
  page: string; // dist-relative path of the page: plans/yueyang/index.html
  url: string; // the href or src as written
  reason: string; // 找不到文件 … / 找不到锚点 …
}

const ATTR = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
/** Pages read ahead of the one being checked. */
const READ_AHEAD = 16;

/**
 * Check every `href` and `src` in the built HTML under `dist`: internal URLs
 * must resolve to a file in `dist` (a directory URL to its index.html), and a
 * `#fragment` on an HTML page must name an element id there (`#task-12`).
 * External URLs (with a scheme) are not fetched. `base` is the sub-path the
 * site is served under (`/anquan/`): a root-relative URL outside it is
 * broken, as it would be on the server.
 */
export async function checkLinks(dist: string, base = '/'): Promise<{ pages: number; links: number; broken: BrokenLink[] }> {
  // One listing of the site instead of a stat per URL: at a thousand plans that is over a million links.
  const files = await siteFiles(dist);
  const pages = [...files].filter((f) => f.endsWith('.html')).sort();
  // The ids of a page a fragment points into, read once, at once: awaiting each such page in turn
  // left the step idle most of its time.
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found) ids.set(file, (found = collectIds(readFileSync(join(dist, file), 'utf8'))));
    return found;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  // Pages are read a few at a time and checked in order: one read at a time left the thread idle
  // for 60 % of the step, waiting on the file system, and a few keep memory to a few pages.
  const reads: Array<Promise<string>> = [];
  const read = (i: number) => {
    if (i >= pages.length) return;
    reads[i] = readFile(join(dist, pages[i]!), 'utf8');
    // Awaited in turn below; a read still ahead when the check stops is not an unhandled rejection.
    reads[i]!.catch(() => {});
  };
  for (let i = 0; i < READ_AHEAD; i++) read(i);
  for (const [i, page] of pages.entries()) {
    const html = await reads[i]!;
    delete reads[i];
    read(i + READ_AHEAD);
    const here = new URL(`${base}${page}`, 'http://site.invalid');
    for (const m of html.matchAll(ATTR)) {
      const raw = decodeEntities(m[1] ?? m[2] ?? '');
      if (raw === '' || EXTERNAL.test(raw)) continue;
      links++;
      const url = new URL(raw, here);
      const path = url.pathname;
      if (!path.startsWith(base)) {
        broken.push({ page, url: raw, reason: `不在站点子路径 ${base} 之下` });
        continue;
      }
      const file = raw.startsWith('#') ? page : findFile(files, path.slice(base.length - 1));
      if (file === null) {
        broken.push({ page, url: raw, reason: `找不到文件 ${safeDecode(path)}` });
        continue;
      }
      const fragment = safeDecode(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
        broken.push({ page, url: raw, reason: `${file} 中没有 id 为“${fragment}”的元素` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}

/** The dist-relative file a URL path serves, or null: `/a/` → a/index.html. */
function findFile(files: Set<string>, pathname: string): string | null {
  const path = safeDecode(pathname).replace(/^\/+/, '');
  if (path.split('/').includes('..')) return null;
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((c) => files.has(c)) ?? null;
}

function collectIds(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(ID)) out.add(decodeEntities(m[1] ?? m[2] ?? ''));
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** One line per broken URL, with how many pages use it and a few of them. */
export function formatBroken(broken: BrokenLink[], limit = 100): string[] {
  const byUrl = new Map<string, { reason: string; pages: string[] }>();
  for (const b of broken) {
    const key = `${b.url}\u0000${b.reason}`;
    const entry = byUrl.get(key) ?? { reason: b.reason, pages: [] };
    entry.pages.push(b.page);
    byUrl.set(key, entry);
  }
  const lines = [...byUrl].slice(0, limit).map(([key, { reason, pages }]) => {
    const url = key.split('\u0000')[0];
    const where = pages.slice(0, 3).join('、') + (pages.length > 3 ? ` 等 ${pages.length} 个页面` : '');
    return `${safeDecode(url!)}：${reason}（见 ${where}）`;
  });
  if (byUrl.size > limit) lines.push(`……另有 ${byUrl.size - limit} 个无效链接`);
  return lines;
}
