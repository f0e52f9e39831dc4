import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/**
 * Global setup of the end-to-end tests: build the site when it is missing
 * (`npm run build`), serve it on a free port of 127.0.0.1 and hand the URL to
 * the tests as `inject('baseURL')`. `PLANBOOK_DIST` serves (and, when
 * missing, builds) another directory than dist/.
 */
export default async function setup(project: TestProject) {
  const dist = resolve(process.env.PLANBOOK_DIST ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, PLANBOOK_OUT: dist } });
    if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  }
  const server = await serveStatic(dist);
  project.provide('baseURL', server.url);
  return async () => {
    await server.close();
  };
}
