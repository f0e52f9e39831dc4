/**
 * `installSite(built, out, scratch)`: put a finished build in place of the
 * published one so that `out` is always either the complete old site or the
 * complete new one. The old folder is renamed aside (into the scratch
 * folder), the new one renamed into place, then the old one deleted. If
 * anything fails, or a signal arrives in between, the old one is renamed
 * back before the scratch folder is removed.
 *
 * When `out` is on another file system the new site is first copied beside
 * it, so the final step is still a rename.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onCleanup, RESTORE } from './scratch.ts';

export async function installSite(built: string, out: string, scratch: string): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  let staged = built;
  let aside = join(scratch, 'previous');
  if (statSync(dirname(out)).dev !== statSync(scratch).dev) {
    const sibling = join(dirname(out), `.${basename(out)}.planbook-${process.pid}`);
    staged = `${sibling}.new`;
    aside = `${sibling}.old`;
    onCleanup(() => rmSync(staged, { recursive: true, force: true }));
    await cp(built, staged, { recursive: true });
  }
  let movedAside = false;
  // Registered before the first rename: on any exit, an old site not replaced is put back.
  onCleanup(() => {
    if (movedAside && existsSync(aside)) {
      if (!existsSync(out)) renameSync(aside, out);
      else rmSync(aside, { recursive: true, force: true });
    }
  });
  if (existsSync(out)) {
    // Should the process be killed outright (SIGKILL) before the next rename, the next build puts it back.
    await writeFile(join(scratch, RESTORE), JSON.stringify({ aside, out }));
    await rename(out, aside);
    movedAside = true;
  }
  try {
    await rename(staged, out);
  } catch (error) {
    if (movedAside) {
      await rename(aside, out);
      movedAside = false;
    }
    throw error;
  }
  if (movedAside) await rm(aside, { recursive: true, force: true });
}
