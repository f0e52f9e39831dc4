import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** Runs scripts/planbook.ts in the project root as a user would, with the real importer, parser and checker. */
async function planbook(...args: string[]) {
  return planbookIn(root, ...args);
}

async function planbookIn(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'scripts/planbook.ts'), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('scripts/planbook.ts', () => {
  test('prints help and exits 0', async () => {
    const result = await planbook('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('planbook <命令>');
  });

  test('checks a real plan file and ends with a summary line', async () => {
    const result = await planbook('check', 'test/fixtures/corpus/yueyang.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 个文件：');
  });

  test('checks a plan from a working folder outside the project (the PDF font is found from planbook itself)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'planbook-elsewhere-'));
    try {
      const result = await planbookIn(dir, 'check', join(root, 'test/fixtures/corpus/yueyang.md'));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('imports a raw text and exports the plans, without a stack trace anywhere', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'planbook-script-'));
    try {
      const imported = await planbook('import', 'test/fixtures/cli/miaohang.txt', '--id', 'miaohang', '--out', dir);
      expect(imported.code).toBe(0);
      expect(await readdir(dir)).toEqual(['miaohang.md']);
      const again = await planbook('import', 'test/fixtures/cli/miaohang.txt', '--id', 'miaohang', '--out', dir);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('已存在');
      const exported = await planbook('export', '--plans', dir, '--out', join(dir, 'data'));
      expect(exported.code).toBe(0);
      expect((await readdir(join(dir, 'data'))).sort()).toEqual(['plans.json', 'tasks.csv', 'tasks.xlsx']);
      const empty = await planbook('import', 'test/fixtures/cli/empty.txt', '--id', 'empty', '--out', dir);
      expect(empty.code).toBe(1);
      expect(await readdir(dir)).toEqual(['data', 'miaohang.md']);
      for (const result of [imported, again, exported, empty]) expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
