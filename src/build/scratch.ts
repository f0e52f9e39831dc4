/**
 * Where a build writes before it is published, and how it leaves no trace.
 *
 * A build works in `.cache/build-<pid>-<random>/` of the project (git-ignored;
 * Astro keeps its intermediate files inside the output folder only when that
 * is under the working directory, and a rename from there to `dist/` is
 * atomic). Cleanups registered with `onCleanup` run on every way out: normal
 * end, failure, SIGINT, SIGTERM, SIGHUP. A folder left by a killed build
 * (SIGKILL, power loss) is removed by the next build.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface Scratch {
  dir: string;
  /** Astro's output folder. */
  out: string;
  /** Astro's cache folder (the content data store). */
  cache: string;
}

const cleanups: (() => void)[] = [];

/** Runs before the process ends, last registered first; must be synchronous. */
export function onCleanup(fn: () => void): void {
  cleanups.push(fn);
}

export function runCleanups(): void {
  while (cleanups.length > 0) {
    try {
      cleanups.pop()!();
    } catch {
      // Best effort: the other cleanups still run.
    }
  }
}

export function cacheRoot(root: string): string {
  return join(root, '.cache');
}

/**
 * `generated` are project folders a build creates as a side effect (Astro's
 * `.astro/`); those that did not exist before are removed by the last build
 * to finish, so a build running beside this one keeps them.
 */
export function createScratch(root: string, generated: string[] = []): Scratch {
  const base = cacheRoot(root);
  sweepStale(base);
  const created = generated.map((name) => join(root, name)).filter((path) => !existsSync(path));
  const dir = join(base, `build-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  onCleanup(() => {
    rmSync(dir, { recursive: true, force: true });
    // The last build to finish: no other build's folder is left (kept caches such as .cache/pdf do not count).
    const last = !existsSync(base) || !readdirSync(base).some((name) => name.startsWith('build-'));
    removeIfEmpty(base);
    if (last) for (const path of created) rmSync(path, { recursive: true, force: true });
  });
  return { dir, out: join(dir, 'site'), cache: join(dir, 'astro') };
}

/** Cleans up after builds that were killed outright: run first, so even a build that then fails restores. */
export function recoverStaleBuilds(root: string): void {
  sweepStale(cacheRoot(root));
}

/** In a scratch folder while the published site is moved aside: `{ aside, out }`. */
export const RESTORE = 'restore.json';

/** Folders of builds whose process is gone; a site such a build had moved aside goes back first. */
function sweepStale(base: string): void {
  if (!existsSync(base)) return;
  for (const name of readdirSync(base)) {
    const pid = Number(/^build-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    try {
      const { aside, out } = JSON.parse(readFileSync(join(base, name, RESTORE), 'utf8')) as { aside: string; out: string };
      if (existsSync(aside) && !existsSync(out)) renameSync(aside, out);
    } catch {
      // No site was moved aside.
    }
    rmSync(join(base, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `dir` unless another build, a kept cache or the user has files there. */
function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (or already gone).
  }
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** On a signal: clean up, say so in Chinese, exit 128 + the signal number. */
export function cleanOnSignals(say: (signal: keyof typeof SIGNALS) => string): void {
  for (const [signal, code] of Object.entries(SIGNALS) as [keyof typeof SIGNALS, number][]) {
    process.once(signal, () => {
      runCleanups();
      process.stderr.write(`${say(signal)}\n`);
      process.exit(code);
    });
  }
}
