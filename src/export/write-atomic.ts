/**
 * Write a file so that readers see the old content or the new, never a
 * part: write a temporary file beside the target, then rename it over.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile, link, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteAtomicOptions {
  /** Replace an existing file (default true). When false an existing target fails with code EEXIST. */
  overwrite?: boolean;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteAtomicOptions = {},
): Promise<void> {
  // mkdir says EEXIST when a file stands where the folder should be; that is not "the target exists".
  await mkdir(dirname(path), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? Object.assign(new Error(`${dirname(path)} 不是目录`), { code: 'ENOTDIR' }) : error;
  });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    if (options.overwrite === false) {
      // link() fails when the target exists, so a file created meanwhile is never replaced.
      await link(temp, path);
      await unlink(temp);
    } else {
      await rename(temp, path);
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
