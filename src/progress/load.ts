/**
 * The file side of progress records: which files there are, and reading
 * them for the site. Problems are not reported here: the content check
 * (`checkProject`) reports them, and the build stops before pages are made.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProgressFile } from '../model/progress.ts';
import { readProgress } from './read.ts';

/** The progress folder: `PLANBOOK_PROGRESS`, else `progress/` beside the plans folder. */
export function progressDir(plansDir: string): string {
  return process.env.PLANBOOK_PROGRESS ?? join(dirname(plansDir), 'progress');
}

/** The `*.yml` files of a progress folder, sorted; none when the folder does not exist. */
export function progressFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort().map((n) => join(dir, n));
}

/** Every readable progress file, by plan id. */
export async function loadProgress(dir: string): Promise<Map<string, ProgressFile>> {
  const byPlan = new Map<string, ProgressFile>();
  for (const path of progressFiles(dir)) {
    const { progress } = readProgress(await readFile(path, 'utf8'), path);
    if (progress) byPlan.set(progress.plan, progress);
  }
  return byPlan;
}
