/** Running the CLI in a temporary folder with stand-ins for the importer, parser and checker. */
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExports } from '../../../src/export/index.ts';
import { runCli } from '../../../src/cli/main.ts';
import type { CliDeps } from '../../../src/cli/types.ts';
import type { Message } from '../../../src/model/schema.ts';
import { loadFixturePlans } from '../export/fixture.ts';

export function message(severity: Message['severity'], file = 'content/plans/yueyang.md', line = 3): Message {
  return { file, line, column: 1, severity, rule: 'task-number-gap', message: '任务 4 跟在任务 2 之后', hint: '改为 3' };
}

export function fakeDeps(overrides: Partial<CliDeps> = {}): CliDeps {
  return {
    importPlan: () => ({ markdown: '---\nid: yueyang\n---\n', messages: [] }),
    loadPlans: async () => ({ plans: loadFixturePlans(), messages: [] }),
    checkProject: async (files) => ({ messages: [], files: files.plans.length + (files.units ? 1 : 0) + (files.alignment ? 1 : 0) }),
    formatMessage: (m) =>
      `${m.file}:${m.line}:${m.column}: ${m.severity === 'error' ? '错误' : '警告'} ${m.message} (${m.rule})\n  ${m.hint}`,
    writeExports: (plans, dir) => writeExports(plans, dir),
    ...overrides,
  };
}

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'planbook-cli-'));
  dirs.push(dir);
  return dir;
}

export async function run(argv: string[], cwd: string, deps: CliDeps = fakeDeps()) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let loads = 0;
  const code = await runCli(argv, async () => (loads++, deps), {
    cwd,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), loads };
}
