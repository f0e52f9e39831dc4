import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ProjectFiles } from '../../../src/check/project.ts';
import { fakeDeps, message, run, tempDir } from './harness.ts';

async function project(files: string[]): Promise<string> {
  const cwd = await tempDir();
  await mkdir(join(cwd, 'content/plans'), { recursive: true });
  await mkdir(join(cwd, 'content/progress'), { recursive: true });
  for (const file of files) await writeFile(join(cwd, file), '');
  return cwd;
}

/** Deps whose checkProject records what it was asked to check and answers `messages`. */
function recording(messages = [] as ReturnType<typeof message>[]) {
  const seen: Omit<ProjectFiles, 'root'>[] = [];
  const deps = fakeDeps({
    checkProject: async ({ root: _, ...files }) => {
      seen.push(files);
      return { messages, files: files.plans.length + (files.units ? 1 : 0) + (files.alignment ? 1 : 0) };
    },
  });
  return { seen, deps };
}

describe('planbook check', () => {
  test('checks every plan in content/plans and the units and alignment files beside it, like the build', async () => {
    const cwd = await project(['content/plans/b.md', 'content/plans/a.md', 'content/plans/notes.txt', 'content/units.yml', 'content/alignment.yml']);
    const { seen, deps } = recording();
    const result = await run(['check'], cwd, deps);
    expect(seen).toEqual([{ plans: ['content/plans/a.md', 'content/plans/b.md'], units: 'content/units.yml', alignment: 'content/alignment.yml' }]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('4 个文件：没有问题');
  });

  test('checks the progress files beside the plans folder with the plans', async () => {
    const cwd = await project(['content/plans/a.md', 'content/progress/a.yml', 'content/progress/notes.txt']);
    const { seen, deps } = recording();
    await run(['check'], cwd, deps);
    expect(seen).toEqual([{ plans: ['content/plans/a.md'], units: undefined, alignment: undefined, progress: ['content/progress/a.yml'] }]);
  });

  test('leaves out the units and alignment files when they do not exist', async () => {
    const cwd = await project(['content/plans/a.md']);
    const { seen, deps } = recording();
    await run(['check'], cwd, deps);
    expect(seen).toEqual([{ plans: ['content/plans/a.md'], units: undefined, alignment: undefined }]);
  });

  test('exits 0 with only warnings and 1 with an error, ending with a summary line', async () => {
    const cwd = await project(['content/plans/a.md']);
    const warned = await run(['check'], cwd, recording([message('warning')]).deps);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('1 个文件：0 个错误，1 个警告');
    const failed = await run(['check'], cwd, recording([message('error'), message('warning')]).deps);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('content/plans/yueyang.md:3:1: 错误 任务 4 跟在任务 2 之后 (task-number-gap)\n  改为 3');
    expect(failed.stderr).toContain('1 个文件：1 个错误，1 个警告');
  });

  test('checks only the files given', async () => {
    const cwd = await project(['content/plans/a.md', 'content/plans/b.md', 'content/units.yml']);
    const { seen, deps } = recording();
    await run(['check', 'content/plans/b.md'], cwd, deps);
    expect(seen).toEqual([{ plans: ['content/plans/b.md'], units: undefined, alignment: undefined }]);
  });

  test('checks an alignment file given alone against the plans of --plans', async () => {
    const cwd = await project(['content/plans/a.md', 'content/alignment.yml']);
    const { seen, deps } = recording();
    await run(['check', 'content/alignment.yml'], cwd, deps);
    expect(seen).toEqual([{ plans: ['content/plans/a.md'], units: undefined, alignment: 'content/alignment.yml' }]);
  });

  test('exits 1 naming a file that does not exist', async () => {
    const result = await run(['check', 'nope.md'], await project([]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('找不到文件 nope.md');
  });

  test('exits 1 with a hint when a folder is given as a file', async () => {
    const result = await run(['check', 'content/plans'], await project([]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('check：content/plans 不是文件\n  提示：');
  });

  test('exits 1 with a hint when --plans names a file, not a folder', async () => {
    const result = await run(['check', '--plans', 'content/plans/a.md'], await project(['content/plans/a.md']));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--plans 应是目录，而 content/plans/a.md 不是');
    expect(result.stderr).not.toContain('内部错误');
  });

  test('exits 1 when there is nothing to check', async () => {
    const result = await run(['check'], await project([]));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/plans 下没有方案文件');
  });
});
