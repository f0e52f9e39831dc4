import { describe, expect, test } from 'vitest';
import { fakeDeps, run, tempDir } from './harness.ts';

describe('runCli', () => {
  test('prints the command list for --help and exits 0 without loading planbook', async () => {
    const result = await run(['--help'], await tempDir());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('import <方案文件> --id <编号>');
    expect(result.loads).toBe(0);
  });

  test('prints the usage and exits 1 when no command is given', async () => {
    const result = await run([], await tempDir());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('用法');
  });

  test('names an unknown command in Chinese and exits 1', async () => {
    const result = await run(['frob'], await tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('未知命令“frob”');
  });

  test('reports an unknown option in Chinese with a hint', async () => {
    const result = await run(['export', '--bogus'], await tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('export：不认识的选项 --bogus\n  提示：运行 planbook export --help 查看用法');
  });

  test('turns an unexpected failure into a short internal error with exit 2 and no stack trace', async () => {
    const deps = fakeDeps({ checkProject: async () => { throw new TypeError('boom'); } });
    const cwd = await tempDir();
    const result = await run(['check', 'x.md'], cwd, deps);
    expect(result.code).toBe(1); // the file does not exist: a user mistake, found before checking
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${cwd}/x.md`, '');
    const failed = await run(['check', 'x.md'], cwd, deps);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('planbook 内部错误：boom');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });

  test('shows help for each command', async () => {
    for (const command of ['import', 'check', 'export']) {
      const result = await run([command, '--help'], await tempDir());
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`planbook ${command}`);
    }
  });
});
