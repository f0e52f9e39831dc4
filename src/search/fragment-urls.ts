/**
 * Maps each Pagefind result id (its fragment's name, `zh-cn_49fc8a9`) to the
 * page URL, so the search page can merge Pagefind's ranking with the
 * substring index without fetching one fragment per result.
 *
 * Reads `<pagefind>/fragment/*.pf_fragment` (gzip, `pagefind_dcd` + JSON) and
 * writes `<distDir>/search/pagefind-urls.json`.
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** Returns the URLs written, in fragment-name order. */
export async function writeFragmentUrls(pagefindDir: string, outFile: string): Promise<string[]> {
  const dir = path.join(pagefindDir, 'fragment');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.pf_fragment')).sort();
  const urls: Record<string, string> = {};
  for (const name of names) {
    const raw = gunzipSync(await readFile(path.join(dir, name))).toString('utf8');
    if (!raw.startsWith(SIGNATURE)) {
      throw new Error(`无法读取 Pagefind 片段 ${name}：格式不符（缺少 ${SIGNATURE} 标记）。请确认 Pagefind 版本为 1.6。`);
    }
    const fragment = JSON.parse(raw.slice(SIGNATURE.length)) as { url?: unknown };
    if (typeof fragment.url !== 'string') throw new Error(`Pagefind 片段 ${name} 没有 url。`);
    urls[name.slice(0, -'.pf_fragment'.length)] = fragment.url;
  }
  await mkdir(path.dirname(outFile), { recursive: true });
  const tmp = `${outFile}.tmp`;
  await writeFile(tmp, JSON.stringify(urls));
  await rename(tmp, outFile);
  return Object.values(urls);
}
