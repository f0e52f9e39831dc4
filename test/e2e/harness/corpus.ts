/**
 * A site built by `npm run build` from a generated corpus of N plans
 * (`src/corpus`, grown from the five plans) in a temporary folder, with the
 * substring index of the same plans, for the tests that compare what the
 * site finds with a scan of the model.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources, writeCorpus } from '../../../src/corpus/files.ts';
import { parsePlan } from '../../../src/parse/index.ts';
import { buildSubstringIndex, type SubstringIndex } from '../../../src/search/substring.ts';

export interface CorpusSite {
  dir: string;
  content: string;
  dist: string;
  /** The build's stdout and its timings (`PLANBOOK_TIMINGS`). */
  stdout: string;
  timings: Record<string, unknown>;
  /** The substring index of the corpus's plans, as the model has them. */
  index: SubstringIndex;
  remove(): void;
}

/** `env`: added to the build's; a variable set to undefined is removed (`NODE_OPTIONS: undefined` for Node's default heap). */
export async function buildCorpusSite(plans: number, name: string, env: NodeJS.ProcessEnv = {}): Promise<CorpusSite> {
  const dir = mkdtempSync(join(tmpdir(), `planbook-${name}-`));
  const content = join(dir, 'plans');
  const dist = join(dir, 'dist');
  const timingsFile = join(dir, 'timings.json');
  await writeCorpus(content, await readSources('content/plans'), plans);
  const merged: NodeJS.ProcessEnv = { ...process.env, PLANBOOK_CONTENT: content, PLANBOOK_OUT: dist, PLANBOOK_TIMINGS: timingsFile, ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const built = spawnSync('npm', ['run', 'build'], { env: merged, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (built.status !== 0) throw new Error(`${plans} generated plans did not build (exit ${built.status}):\n${built.stderr.slice(-3000)}`);
  const parsed = readdirSync(content)
    .filter((n) => n.endsWith('.md'))
    .map((n) => parsePlan(readFileSync(join(content, n), 'utf8'), n).plan!);
  return {
    dir,
    content,
    dist,
    stdout: built.stdout,
    timings: JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, unknown>,
    index: buildSubstringIndex(parsed),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
