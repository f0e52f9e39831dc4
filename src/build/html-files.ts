import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every `.html` file under `root`, as paths relative to it with `/` separators. */
export async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
