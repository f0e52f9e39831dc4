import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** What a build reads: when any of it is newer than the built site, the site is stale. */
const INPUTS = ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package-lock.json'];

/** The newest modification time (ms) of a file or of any file under a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** True when dist/ is missing or older than any input of the build. */
export function isStale(dist: string): boolean {
  const index = resolve(dist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return INPUTS.some((input) => newest(resolve(input)) > built);
}

/**
 * Global setup of the end-to-end tests: build the site (`npm run build`) when
 * it is missing or older than its sources, so the tests never pass on an old
 * build; serve it on a free port of 127.0.0.1 and hand the URL to the tests as
 * `inject('baseURL')`. `PLANBOOK_DIST` serves (and builds) another directory
 * than dist/.
 */
export default async function setup(project: TestProject) {
  const dist = resolve(process.env.PLANBOOK_DIST ?? 'dist');
  if (isStale(dist)) {
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, PLANBOOK_OUT: dist } });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  }
  const server = await serveStatic(dist);
  project.provide('baseURL', server.url);
  return async () => {
    await server.close();
  };
}
