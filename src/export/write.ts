/**
 * Write the data exports (`plans.json`, `tasks.csv`, `tasks.xlsx`) into a
 * folder. Used by the `planbook export` command and by the site build
 * (into `dist/data/`). Every file is produced in memory first, so a failure
 * leaves the folder as it was.
 */
import { join } from 'node:path';
import type { Plan } from '../model/schema.ts';
import { stringifyPlansJson } from './plans-json.ts';
import type { TaskTableOptions } from './task-rows.ts';
import { toTasksCsv } from './tasks-csv.ts';
import { toTasksXlsx } from './tasks-xlsx.ts';
import { writeFileAtomic } from './write-atomic.ts';

export const EXPORT_FILES = ['plans.json', 'tasks.csv', 'tasks.xlsx'] as const;

/** Returns the paths written, in the order of `EXPORT_FILES`. */
export async function writeExports(
  plans: readonly Plan[],
  dir: string,
  options: TaskTableOptions = {},
): Promise<string[]> {
  const contents: Record<(typeof EXPORT_FILES)[number], string | Uint8Array> = {
    'plans.json': stringifyPlansJson(plans),
    'tasks.csv': toTasksCsv(plans, options),
    'tasks.xlsx': await toTasksXlsx(plans, options),
  };
  const paths: string[] = [];
  for (const name of EXPORT_FILES) {
    const path = join(dir, name);
    await writeFileAtomic(path, contents[name]);
    paths.push(path);
  }
  return paths;
}
