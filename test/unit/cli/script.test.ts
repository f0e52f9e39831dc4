import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { loadFileContext } from '../../../src/build/files.ts';
import { renderDataFile } from '../../../src/export/catalog.ts';
import { loadPlans } from '../../../src/load/plans.ts';

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

  test('exports the plans as the site’s data files have them, 最新状态 from the progress records included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'planbook-script-'));
    try {
      const exported = await planbook('export', '--out', dir);
      expect(exported.code).toBe(0);
      const { plans } = await loadPlans(join(root, 'content/plans'));
      const site = await loadFileContext({ root, parsed: '', progress: join(root, 'content/progress'), buildDate: '', cache: null }, plans);
      for (const kind of ['tasks-csv', 'plans-json'] as const) {
        const name = kind === 'tasks-csv' ? 'tasks.csv' : 'plans.json';
        expect(await readFile(join(dir, name), 'utf8'), name).toBe(await renderDataFile({ kind }, site));
      }
      // 湘乡's sample records: the status as the site shows it, marked as sample data.
      expect(await readFile(join(dir, 'tasks.csv'), 'utf8')).toMatch(/湘乡市.*（截至2025年3月31日，示例数据）/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
