/**
 * Running the real build (`scripts/build.ts`) in a child process against a
 * temporary project: a copy of two seed plans and a "previous site" in a
 * temporary output folder, never the main `dist/` the e2e tests read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

export interface FaultProject {
  dir: string;
  content: string;
  out: string;
}

const projects: string[] = [];

/** Removes every project made by `faultProject` (after any mount inside them is gone). */
export function removeProjects(): void {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Two real plans (庙行, 浦兴路) and a previous site with a page, a PDF and a data file. */
export async function faultProject(out?: string): Promise<FaultProject> {
  const dir = mkdtempSync(join(tmpdir(), 'planbook-fault-'));
  projects.push(dir);
  const content = join(dir, 'content/plans');
  await mkdir(content, { recursive: true });
  for (const id of ['miaohang', 'puxinglu']) await cp(join(root, `content/plans/${id}.md`), join(content, `${id}.md`));
  const site = out ?? join(dir, 'site/dist');
  await mkdir(join(site, 'plans/miaohang'), { recursive: true });
  await mkdir(join(site, 'data'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<!doctype html><title>安全生产治本攻坚三年行动方案</title>');
  await writeFile(join(site, 'plans/miaohang/index.html'), '<!doctype html><title>庙行镇</title>');
  await writeFile(join(site, 'data/tasks.csv'), '\uFEFF任务编号,方案\r\nmiaohang-1,庙行镇安全生产治本攻坚三年行动实施方案\r\n');
  return { dir, content, out: site };
}

export async function editPlan(project: FaultProject, id: string, from: string, to: string): Promise<void> {
  const path = join(project.content, `${id}.md`);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`“${from}” not in ${id}.md`);
  await writeFile(path, text.replace(from, to));
}

/** Every file below `dir` with the SHA-256 of its bytes: equal maps mean a byte-identical tree. */
export function treeHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return hashes;
}

export interface BuildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  pid: number;
  stdout: string;
  stderr: string;
}

/** Runs the build; `onLine` sees each stdout line as it arrives (to send a signal at a known step). */
export function runBuild(project: FaultProject, env: Record<string, string> = {}, onLine?: (line: string, child: ChildProcess) => void): Promise<BuildRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: root,
      env: { ...process.env, PLANBOOK_CONTENT: project.content, PLANBOOK_OUT: project.out, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) onLine?.(line, child);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, pid: child.pid!, stdout, stderr }));
  });
}

/** What a build with this pid may have left: scratch folders, staged copies, caches in node_modules. */
export function leftovers(run: BuildRun, project: FaultProject): string[] {
  const found: string[] = [];
  const cache = join(root, '.cache');
  if (existsSync(cache)) found.push(...readdirSync(cache).filter((n) => n.startsWith(`build-${run.pid}-`)).map((n) => join(cache, n)));
  found.push(...readdirSync(root).filter((n) => n.startsWith('.dist.tmp-')).map((n) => join(root, n)));
  const parent = dirname(project.out);
  if (existsSync(parent)) found.push(...readdirSync(parent).filter((n) => n.startsWith(`.${basename(project.out)}.`)).map((n) => join(parent, n)));
  for (const name of ['.astro', '.vite']) {
    const dir = join(root, 'node_modules', name);
    if (existsSync(dir)) found.push(...readdirSync(dir).filter((n) => n !== 'vitest').map((n) => join(dir, n)));
  }
  found.push(...readdirSync(tmpdir()).filter((n) => n.startsWith('planbook-build-')).map((n) => join(tmpdir(), n)));
  return found;
}
