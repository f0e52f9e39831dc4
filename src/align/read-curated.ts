/**
 * Reads the curation file for the pages and exports (I/O lives here, the
 * engine stays pure). A missing file means no curation; problems in it are
 * reported by `checkProject` (src/check/), which the build runs first, so here they are ignored.
 */
import { readFile } from 'node:fs/promises';
import type { Curated } from './types.ts';
import { parseCurated } from './curated.ts';

export function curationPath(): string {
  return process.env.PLANBOOK_ALIGNMENT ?? 'content/alignment.yml';
}

export async function readCurated(path = curationPath()): Promise<Curated | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  return parseCurated(text, path).curated;
}
