/**
 * The content-hash cache of checklist PDFs: a rebuild after editing one plan
 * renders only the lists whose content changed, and copies the others.
 *
 * A file's key is the SHA-256 of everything it is drawn from — the list as
 * the renderer gets it (rows, titles, units, deadlines, progress), the
 * checklist template, the render options (the build date printed on it) —
 * and of the renderer itself: the sources of src/pdf/, the versions of the
 * PDF and font libraries, and the font files. Any change to any of them is a
 * different key, so a cached file is never stale; an unchanged list is the
 * same bytes (pdf-lib writes no time of its own when the date is given).
 *
 * The cache lives in `.cache/pdf/` of the project (git-ignored), or
 * `PLANBOOK_PDF_CACHE`; `PLANBOOK_PDF_CACHE=off` turns it off. After a build
 * only the files one of the last `KEPT_BUILDS` builds used are kept (their
 * keys are listed in `builds.json` there), so it never grows beyond three
 * sites, and building two or three content folders by turns (a test folder
 * and the real one, or corpora of several sizes) renders each list once.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** Builds whose files the cache keeps: this one and the two before it. */
export const KEPT_BUILDS = 3;
const MANIFEST = 'builds.json';

const LIBRARIES = ['pdf-lib', '@pdf-lib/fontkit', 'harfbuzzjs', '@expo-google-fonts/noto-sans-sc'];

let fingerprint: string | undefined;

/** The renderer's own part of every key: its sources, its libraries' versions and the font files. */
export function rendererFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const here = import.meta.dirname;
  for (const name of readdirSync(here).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(here, name)));
  }
  for (const name of LIBRARIES) {
    let version = 'absent';
    try {
      version = (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
    } catch {
      // not installed: the renderer fails on its own, with its own message
    }
    hash.update(`${name}@${version}\n`);
  }
  const fonts = join(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'), '..');
  for (const dir of ['400Regular', '700Bold']) {
    for (const name of readdirSync(join(fonts, dir)).filter((n) => n.endsWith('.ttf'))) {
      const info = statSync(join(fonts, dir, name));
      hash.update(`${dir}/${name}:${info.size}:${info.mtimeMs}\n`);
    }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The key of one PDF: the renderer and everything the file is drawn from. */
export function pdfKey(...inputs: unknown[]): string {
  return createHash('sha256').update(rendererFingerprint()).update(JSON.stringify(inputs)).digest('hex');
}

export interface PdfCache {
  /** The cached bytes of `key`, or null. */
  get(key: string): Promise<Uint8Array | null>;
  /** Keep `bytes` under `key` (written whole or not at all). */
  put(key: string, bytes: Uint8Array): Promise<void>;
}

/** The cache folder for a project, or null when PLANBOOK_PDF_CACHE=off. */
export function pdfCacheDir(root: string): string | null {
  const configured = process.env.PLANBOOK_PDF_CACHE;
  if (configured === 'off') return null;
  return configured || join(root, '.cache', 'pdf');
}

export function openPdfCache(dir: string | null): PdfCache {
  if (dir === null) return { get: async () => null, put: async () => {} };
  mkdirSync(dir, { recursive: true });
  return {
    async get(key) {
      try {
        return new Uint8Array(await readFile(join(dir, `${key}.pdf`)));
      } catch {
        return null;
      }
    },
    async put(key, bytes) {
      // A cache that cannot be written only costs the next build time.
      await writeWhole(join(dir, `${key}.pdf`), bytes);
    },
  };
}

/**
 * Records the keys this build drew on (`used`) as the newest of the last
 * `KEPT_BUILDS` builds and removes every cached file none of them used (and
 * any half-written one); returns how many went.
 */
export async function prunePdfCache(dir: string | null, used: Set<string>): Promise<number> {
  if (dir === null) return 0;
  const builds = [[...used].sort(), ...(await readBuilds(dir))].slice(0, KEPT_BUILDS);
  const kept = new Set(builds.flat());
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name === MANIFEST || (name.endsWith('.pdf') && kept.has(name.slice(0, -'.pdf'.length)))) continue;
    await rm(join(dir, name), { force: true });
    removed++;
  }
  // Without the list, the next build keeps only its own files: a cost in time, never a stale file.
  await writeWhole(join(dir, MANIFEST), JSON.stringify(builds));
  return removed;
}

/** Writes `file` whole or not at all (beside it, then renamed); a failure leaves nothing behind. */
async function writeWhole(file: string, data: Uint8Array | string): Promise<void> {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  try {
    await writeFile(partial, data);
    await rename(partial, file);
  } catch {
    await rm(partial, { force: true });
  }
}

/** The key lists of the earlier builds, newest first; none when the list is missing or unreadable. */
async function readBuilds(dir: string): Promise<string[][]> {
  try {
    const builds: unknown = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
    if (Array.isArray(builds) && builds.every((b) => Array.isArray(b) && b.every((k) => typeof k === 'string'))) return builds as string[][];
  } catch {
    // missing or unreadable: as if there were no earlier build
  }
  return [];
}
