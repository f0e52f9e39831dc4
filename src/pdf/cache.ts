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
 * only the files that build used are kept, so it never grows beyond one site.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
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
      const file = join(dir, `${key}.pdf`);
      const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
      try {
        await writeFile(partial, bytes);
        await rename(partial, file);
      } catch {
        // A cache that cannot be written only costs the next build time.
        await rm(partial, { force: true });
      }
    },
  };
}

/** Removes every cached file but those of `used` (the keys the last build drew on); returns how many went. */
export async function prunePdfCache(dir: string | null, used: Set<string>): Promise<number> {
  if (dir === null) return 0;
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const key = name.replace(/\.pdf$/, '');
    if (name.endsWith('.pdf') && used.has(key)) continue;
    await rm(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
