import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fakeDeps, message, run, tempDir } from './harness.ts';

async function project(files: string[]): Promise<string> {
  const cwd = await tempDir();
  await mkdir(join(cwd, 'content/plans'), { recursive: true });
  for (const file of files) await writeFile(join(cwd, file), '');
  return cwd;
}

describe('planbook check', () => {
  test('checks every plan in content/plans by default and exits 0 when there is no problem', async () => {
    const cwd = await project(['content/plans/b.md', 'content/plans/a.md', 'content/plans/notes.txt']);
    const seen: string[][] = [];
    const result = await run(['check'], cwd, fakeDeps({ checkFiles: async (paths) => (seen.push(paths), []) }));
    expect(seen).toEqual([['content/plans/a.md', 'content/plans/b.md']]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2 个文件：没有问题');
  });

  test('exits 0 with only warnings and 1 with an error, ending with a summary line', async () => {
    const cwd = await project(['content/plans/a.md']);
    const warned = await run(['check'], cwd, fakeDeps({ checkFiles: async () => [message('warning')] }));
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('1 个文件：0 个错误，1 个警告');
    const failed = await run(['check'], cwd, fakeDeps({ checkFiles: async () => [message('error'), message('warning')] }));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('content/plans/yueyang.md:3:1: 错误 任务 4 跟在任务 2 之后 (task-number-gap)\n  改为 3');
    expect(failed.stderr).toContain('1 个文件：1 个错误，1 个警告');
  });

  test('checks content/alignment.yml with the alignment checker when both exist', async () => {
    const cwd = await project(['content/plans/a.md', 'content/alignment.yml']);
    const calls: [string, number][] = [];
    const deps = fakeDeps({
      checkAlignmentFile: (path, plans) => (calls.push([path, plans.length]), [message('error', path, 9)]),
    });
    const result = await run(['check'], cwd, deps);
    expect(calls).toEqual([['content/alignment.yml', 2]]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/alignment.yml:9:1: 错误');
  });

  test('says it skips the alignment table when there is no alignment checker', async () => {
    const cwd = await project(['content/plans/a.md', 'content/alignment.yml']);
    const result = await run(['check'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('跳过 content/alignment.yml');
  });

  test('checks only the files given', async () => {
    const cwd = await project(['content/plans/a.md', 'content/plans/b.md']);
    const seen: string[][] = [];
    await run(['check', 'content/plans/b.md'], cwd, fakeDeps({ checkFiles: async (paths) => (seen.push(paths), []) }));
    expect(seen).toEqual([['content/plans/b.md']]);
  });

  test('exits 1 naming a file that does not exist', async () => {
    const result = await run(['check', 'nope.md'], await project([]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('找不到文件 nope.md');
  });

  test('exits 1 when there is nothing to check', async () => {
    const result = await run(['check'], await project([]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/plans 下没有方案文件');
  });
});
