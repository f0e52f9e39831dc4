/**
 * The content-hash cache of the site's files (the checklist PDFs and the
 * data files): a rebuild after editing one plan renders only the lists whose
 * content changed, and copies the others; a rebuild of unchanged content
 * copies every file and starts no worker.
 *
 * A file's key is the SHA-256 of everything it is drawn from — the list as
 * the renderer gets it (rows, titles, units, deadlines, progress), the
 * checklist template, the render options (the build date printed on it) —
 * and of the renderer itself: the sources of src/pdf/, the versions of the
 * PDF and font libraries, and the font files. Any change to any of them is a
 * different key, so a cached file is never stale; an unchanged list is the
 * same bytes (pdf-lib writes no time of its own when the date is given).
 *
 * A data file's (JSON, CSV, Excel, calendar, 进展填报表) key is the data
 * writers' fingerprint (every source of src/ and the versions of exceljs
 * and ical-generator), the file it is, and digests of what its writer reads
 * (src/build/files.ts: one plan, the plans naming one unit, or every plan
 * and the progress records; the templates always): an edit to one plan
 * re-writes that plan's files, its units' and the downloads of /data/.
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
import { copyFile, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** Builds whose files the cache keeps: this one and the two before it. */
export const KEPT_BUILDS = 3;
/** The record of the last builds' keys, in the cache folder. */
export const MANIFEST = 'builds.json';

const LIBRARIES = ['pdf-lib', '@pdf-lib/fontkit', 'harfbuzzjs', '@expo-google-fonts/noto-sans-sc'];
const DATA_LIBRARIES = ['exceljs', 'ical-generator', 'lunar-typescript'];

/** What a cached file is: a checklist PDF or a data file (its name in the cache ends so). */
export type CachedKind = 'pdf' | 'data';

let fingerprint: string | undefined;
let dataPrint: string | undefined;

/** The renderer's own part of every key: its sources, its libraries' versions and the font files. */
export function rendererFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const here = import.meta.dirname;
  for (const name of readdirSync(here).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(here, name)));
  }
  hashVersions(hash, LIBRARIES);
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

/** The data writers' part of a data file's key: every source of src/ (they draw on the model, derive and site code) and their libraries' versions. */
export function dataFingerprint(): string {
  if (dataPrint) return dataPrint;
  const hash = createHash('sha256');
  const src = join(import.meta.dirname, '..');
  for (const name of (readdirSync(src, { recursive: true }) as string[]).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(name).update(readFileSync(join(src, name)));
  }
  hashVersions(hash, DATA_LIBRARIES);
  dataPrint = hash.digest('hex');
  return dataPrint;
}

function hashVersions(hash: ReturnType<typeof createHash>, names: readonly string[]): void {
  for (const name of names) {
    let version = 'absent';
    try {
      version = (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
    } catch {
      // not installed: the writer fails on its own, with its own message
    }
    hash.update(`${name}@${version}\n`);
  }
}

/** The key of one data file: the data writers, the file, and the digests of what its writer reads (src/build/files.ts `dataKeys`). */
export function dataKey(...inputs: unknown[]): string {
  return createHash('sha256').update(dataFingerprint()).update(JSON.stringify(inputs)).digest('hex');
}

/** The key of one PDF: the renderer and everything the file is drawn from. */
export function pdfKey(...inputs: unknown[]): string {
  return createHash('sha256').update(rendererFingerprint()).update(JSON.stringify(inputs)).digest('hex');
}

export interface PdfCache {
  /** Copies the file of `key` to `file` and gives its size, or null when it is not cached (and nothing is written). */
  copyTo(key: string, kind: CachedKind, file: string): Promise<number | null>;
  /** Keep `bytes` under `key` (written whole or not at all). */
  put(key: string, bytes: Uint8Array | string, kind?: CachedKind): Promise<void>;
}

/** The cache folder for a project, or null when PLANBOOK_PDF_CACHE=off. */
export function pdfCacheDir(root: string): string | null {
  const configured = process.env.PLANBOOK_PDF_CACHE;
  if (configured === 'off') return null;
  return configured || join(root, '.cache', 'pdf');
}

export function openPdfCache(dir: string | null): PdfCache {
  if (dir === null) return { copyTo: async () => null, put: async () => {} };
  mkdirSync(dir, { recursive: true });
  const path = (key: string, kind: CachedKind) => join(dir, `${key}.${kind}`);
  return {
    async copyTo(key, kind, file) {
      try {
        await copyFile(path(key, kind), file);
      } catch {
        return null;
      }
      return (await stat(file)).size;
    },
    async put(key, bytes, kind = 'pdf') {
      // A cache that cannot be written only costs the next build time.
      await writeWhole(path(key, kind), bytes);
    },
  };
}

/**
 * Records the keys this build drew on (`used`) as the newest of the last
 * `KEPT_BUILDS` builds, with the build date its lists print (`date`), and
 * removes every cached file none of them used (and any half-written one);
 * returns how many went.
 */
export async function prunePdfCache(dir: string | null, used: Set<string>, date?: string): Promise<number> {
  if (dir === null) return 0;
  const builds = [[...used].sort(), ...(await readBuilds(dir))].slice(0, KEPT_BUILDS);
  const kept = new Set(builds.flat());
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const key = /^([0-9a-f]+)\.(pdf|data)$/.exec(name)?.[1];
    if (name === MANIFEST || (key && kept.has(key))) continue;
    await rm(join(dir, name), { force: true });
    removed++;
  }
  // Without the list, the next build keeps only its own files: a cost in time, never a stale file.
  await writeWhole(join(dir, MANIFEST), JSON.stringify({ date: date ?? null, builds }));
  return removed;
}

/**
 * The build date of the last build on the cache's record, or null: none on
 * record, or a record without its date. Every list's key holds the date, so
 * a build of another date finds none of its lists there.
 */
export function lastBuildDate(dir: string): string | null {
  let text: string | undefined;
  try {
    text = readFileSync(join(dir, MANIFEST), 'utf8');
  } catch {
    // none on record
  }
  return buildRecord(text).date;
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
  return buildRecord(await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined)).builds;
}

/**
 * The cache's record (`builds.json`): `{ date, builds }`, or the bare list
 * of key lists earlier releases wrote (no date). Missing or unreadable, it
 * is as if there were no earlier build.
 */
function buildRecord(text: string | undefined): { date: string | null; builds: string[][] } {
  const none = { date: null, builds: [] };
  if (text === undefined) return none;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return none;
  }
  const dated = record !== null && typeof record === 'object' && 'builds' in record ? (record as { date?: unknown; builds: unknown }) : undefined;
  const date = typeof dated?.date === 'string' ? dated.date : null;
  const builds = dated ? dated.builds : record;
  const valid = Array.isArray(builds) && builds.every((b) => Array.isArray(b) && b.every((k) => typeof k === 'string'));
  return { date, builds: valid ? (builds as string[][]) : [] };
}
