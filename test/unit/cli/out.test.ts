import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeExports } from '../../../src/export/index.ts';
import { loadFixturePlans } from '../export/fixture.ts';
import { run, tempDir } from './harness.ts';

async function project(): Promise<string> {
  const cwd = await tempDir();
  await mkdir(join(cwd, 'content/plans'), { recursive: true });
  return cwd;
}

/** What every user mistake must look like: exit 1, a Chinese message with a hint, no internal error. */
function expectMistake(result: { code: number; stderr: string }, text: string): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(text);
  expect(result.stderr).toContain('\n  提示：');
  expect(result.stderr).not.toContain('内部错误');
}

describe('planbook export --out', () => {
  test('refuses a file where the output folder should be', async () => {
    const cwd = await project();
    await writeFile(join(cwd, 'tasks.csv'), '任务编号\r\n');
    expectMistake(await run(['export', '--out', 'tasks.csv'], cwd), '--out 应是目录，而 tasks.csv 是一个文件');
  });

  test('refuses /dev/null', async () => {
    expectMistake(await run(['export', '--out', '/dev/null'], await project()), '不能写入 /dev/null');
  });

  test('refuses a link that points nowhere', async () => {
    const cwd = await project();
    await symlink(join(cwd, 'gone'), join(cwd, 'data'));
    expectMistake(await run(['export', '--out', 'data'], cwd), '--out data 是指向不存在位置的链接');
  });

  test.each(['/proc/self/data', '/sys/kernel/planbook'])('fails fast under the pseudo file system %s', async (out) => {
    expectMistake(await run(['export', '--out', out], await project()), `不能写入 ${out}`);
  });

  test('refuses, writing nothing, when one of the three names is taken by a folder', async () => {
    const cwd = await project();
    await mkdir(join(cwd, 'out/tasks.xlsx'), { recursive: true });
    expectMistake(await run(['export', '--out', 'out'], cwd), 'out/tasks.xlsx 已存在且不是文件');
    expect(await readdir(join(cwd, 'out'))).toEqual(['tasks.xlsx']);
  });
});

describe('writeExports', () => {
  test('replaces the three files as a set: when the third cannot be written, the first two stay as they were', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'plans.json'), '{"plans":[],"tasks":[]}\n');
    await writeFile(join(dir, 'tasks.csv'), '\uFEFF任务编号\r\n');
    await mkdir(join(dir, 'tasks.xlsx'));
    await expect(writeExports(loadFixturePlans(), dir)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readFile(join(dir, 'plans.json'), 'utf8')).toBe('{"plans":[],"tasks":[]}\n');
    expect(await readFile(join(dir, 'tasks.csv'), 'utf8')).toBe('\uFEFF任务编号\r\n');
    expect((await readdir(dir)).sort()).toEqual(['plans.json', 'tasks.csv', 'tasks.xlsx']);
  });

  test('leaves no temporary files beside the exports', async () => {
    const dir = await tempDir();
    await writeExports(loadFixturePlans(), dir);
    await writeExports(loadFixturePlans(), dir);
    expect((await readdir(dir)).sort()).toEqual(['plans.json', 'tasks.csv', 'tasks.xlsx']);
  });
});

describe('planbook import --out', () => {
  test('says the output folder is a file, not that the target exists, with or without --force', async () => {
    const cwd = await project();
    await writeFile(join(cwd, 'plans'), '');
    await writeFile(join(cwd, 'yueyang.txt'), '岳阳街道安全生产治本攻坚三年行动实施方案\n');
    for (const args of [[], ['--force']]) {
      const result = await run(['import', 'yueyang.txt', '--id', 'yueyang', '--out', 'plans', ...args], cwd);
      expect(result.code).toBe(1);
      expect(result.stderr).not.toContain('已存在');
      expect(result.stderr).toContain('是一个文件');
    }
    expect(existsSync(join(cwd, 'plans/yueyang.md'))).toBe(false);
  });
});
