import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from '../site/format.ts';

const PLACEHOLDER = /(<span\b[^>]*\bdata-size-of="([^"]*)"[^>]*>)—(<\/span>)/g;

/**
 * Write the sizes of downloadable files into the pages that list them
 * (src/components/FileSize.astro renders the placeholders). Runs after the
 * build, when the files exist. Returns how many sizes were filled in.
 */
export async function fillFileSizes(dist: string, pages?: string[]): Promise<number> {
  pages ??= await dataPages(dist);
  let filled = 0;
  for (const page of pages) {
    const file = join(dist, page);
    const html = await readFile(file, 'utf8').catch(() => null);
    if (html === null) continue;
    const sizes = new Map<string, string>();
    for (const [, , href] of html.matchAll(PLACEHOLDER)) {
      if (sizes.has(href!)) continue;
      const info = await stat(join(dist, decodeURI(href!))).catch(() => null);
      sizes.set(href!, info?.isFile() ? formatBytes(info.size) : '—');
    }
    const out = html.replace(PLACEHOLDER, (_, open: string, href: string, close: string) => {
      filled++;
      return `${open}${sizes.get(href)}${close}`;
    });
    await writeFile(file, out);
  }
  return filled;
}

/** /data/ and the further pages of its per-plan table (/data/plans/<n>/). */
async function dataPages(dist: string): Promise<string[]> {
  const more = await readdir(join(dist, 'data/plans'), { withFileTypes: true }).catch(() => []);
  return ['data/index.html', ...more.filter((e) => e.isDirectory()).map((e) => `data/plans/${e.name}/index.html`)];
}
