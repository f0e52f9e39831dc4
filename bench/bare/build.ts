/**
 * Builds the bare baseline (bench/bare) into BARE_OUT, then runs the
 * Pagefind CLI over it, and prints `{ astro, pagefind }` in milliseconds as
 * JSON on the last line. Run by bench/paired.bench.ts in a fresh process.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Timed from loading Astro, as planbook's astro stage is (scripts/build.ts).
let start = performance.now();
const { build } = await import('astro');
await build({ root: join(root, 'bench/bare'), outDir: process.env.BARE_OUT!, logLevel: 'silent' });
const astro = Math.round(performance.now() - start);
start = performance.now();
execFileSync(join(root, 'node_modules/.bin/pagefind'), ['--site', process.env.BARE_OUT!, '--silent'], { stdio: 'inherit' });
const pagefind = Math.round(performance.now() - start);
console.log(JSON.stringify({ astro, pagefind }));
