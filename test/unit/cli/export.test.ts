import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fakeDeps, message, run, tempDir } from './harness.ts';

async function project(): Promise<string> {
  const cwd = await tempDir();
  await mkdir(join(cwd, 'content/plans'), { recursive: true });
  return cwd;
}

describe('planbook export', () => {
  test('writes plans.json, tasks.csv and tasks.xlsx into --out', async () => {
    const cwd = await project();
    const result = await run(['export', '--out', 'out'], cwd);
    expect(result.code).toBe(0);
    expect((await readdir(join(cwd, 'out'))).sort()).toEqual(['plans.json', 'tasks.csv', 'tasks.xlsx']);
    expect(result.stdout).toBe('已导出 2 个方案、4 项任务到 out：plans.json、tasks.csv、tasks.xlsx（0 个警告）');
  });

  test('refuses to export, writing nothing, while the plans have errors', async () => {
    const cwd = await project();
    const deps = fakeDeps({ loadPlans: async () => ({ plans: [], messages: [message('error')] }) });
    const result = await run(['export', '--out', 'out'], cwd, deps);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('未导出：方案有 1 个错误');
    expect(await readdir(cwd)).toEqual(['content']);
  });

  test('exports with warnings and prints them', async () => {
    const cwd = await project();
    const deps = fakeDeps({ loadPlans: async () => ({ plans: (await fakeDeps().loadPlans('')).plans, messages: [message('warning')] }) });
    const result = await run(['export', '--out', 'out'], cwd, deps);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('警告');
    expect(result.stdout).toContain('（1 个警告）');
  });

  test('exits 1 when the plans folder is missing', async () => {
    const result = await run(['export', '--plans', 'nowhere'], await tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('找不到方案目录 nowhere');
  });
});
