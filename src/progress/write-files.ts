/**
 * Write several files as a set: each to a temporary name beside it first,
 * then all renamed into place. A failure before the renames leaves every
 * old file as it was and removes the temporary ones.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeAll(files: ReadonlyArray<{ path: string; text: string | Uint8Array }>): Promise<void> {
  const temps: string[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
      temps.push(temp);
      await writeFile(temp, file.text, { flag: 'wx' });
    }
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw error;
  }
  for (const [i, file] of files.entries()) await rename(temps[i]!, file.path);
}
