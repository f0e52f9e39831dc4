/**
 * Write the data exports (`plans.json`, `tasks.csv`, `tasks.xlsx`) into a
 * folder. Used by the `planbook export` command and by the site build
 * (into `dist/data/`).
 *
 * The three are replaced as a set: every file is produced in memory and
 * written under a temporary name first; only then are the old files moved
 * aside and the new ones renamed into place. If any step fails, the files
 * already replaced are put back, so the folder holds the old set or the new
 * one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../model/schema.ts';
import { EXPORT_FILES, type ExportFile } from './names.ts';
import { stringifyPlansJson } from './plans-json.ts';
import type { TaskTableOptions } from './task-rows.ts';
import { toTasksCsv } from './tasks-csv.ts';
import { toTasksXlsx } from './tasks-xlsx.ts';

export { EXPORT_FILES };

/** Returns the paths written, in the order of `EXPORT_FILES`. */
export async function writeExports(
  plans: readonly Plan[],
  dir: string,
  options: TaskTableOptions = {},
): Promise<string[]> {
  const contents: Record<ExportFile, string | Uint8Array> = {
    'plans.json': stringifyPlansJson(plans),
    'tasks.csv': toTasksCsv(plans, options),
    'tasks.xlsx': await toTasksXlsx(plans, options),
  };
  await mkdir(dir, { recursive: true });
  const tag = randomBytes(6).toString('hex');
  const files = EXPORT_FILES.map((name) => ({
    name,
    path: join(dir, name),
    temp: join(dir, `.${name}.${tag}.tmp`),
    old: join(dir, `.${name}.${tag}.old`),
    movedAside: false,
    replaced: false,
  }));
  for (const f of files) {
    if (statSync(f.path, { throwIfNoEntry: false })?.isFile() === false) {
      throw Object.assign(new Error(`${f.path} 是目录，不是文件`), { code: 'EISDIR' });
    }
  }
  try {
    for (const f of files) await writeFile(f.temp, contents[f.name], { flag: 'wx' });
    for (const f of files) {
      if (existsSync(f.path)) {
        await rename(f.path, f.old);
        f.movedAside = true;
      }
      await rename(f.temp, f.path);
      f.replaced = true;
    }
  } catch (error) {
    for (const f of files) {
      if (f.replaced) rmSync(f.path, { force: true });
      if (f.movedAside) renameSync(f.old, f.path);
    }
    throw error;
  } finally {
    for (const f of files) await rm(f.temp, { force: true });
  }
  for (const f of files) if (f.movedAside) await rm(f.old, { force: true });
  return files.map((f) => f.path);
}
