import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fakeDeps, message, run, tempDir } from './harness.ts';

async function withRaw(): Promise<string> {
  const cwd = await tempDir();
  await writeFile(join(cwd, 'raw.txt'), '原文');
  return cwd;
}

describe('planbook import', () => {
  test('passes the raw bytes, id and path to the importer and writes content/plans/<id>.md', async () => {
    const cwd = await withRaw();
    const calls: unknown[] = [];
    const deps = fakeDeps({
      importPlan: (input, options) => (calls.push([new TextDecoder().decode(input), options]), { markdown: '# 方案\n', messages: [] }),
    });
    const result = await run(['import', 'raw.txt', '--id', 'yueyang'], cwd, deps);
    expect(result.code).toBe(0);
    expect(calls).toEqual([['原文', { id: 'yueyang', path: 'raw.txt' }]]);
    expect(await readFile(join(cwd, 'content/plans/yueyang.md'), 'utf8')).toBe('# 方案\n');
    expect(result.stdout).toContain('已写入 content/plans/yueyang.md');
  });

  test('writes to the folder given with --out', async () => {
    const cwd = await withRaw();
    expect((await run(['import', 'raw.txt', '--id', 'a1', '--out', 'elsewhere'], cwd)).code).toBe(0);
    expect(await readdir(join(cwd, 'elsewhere'))).toEqual(['a1.md']);
  });

  test('refuses to overwrite an existing file without --force, and overwrites with it', async () => {
    const cwd = await withRaw();
    await run(['import', 'raw.txt', '--id', 'yueyang'], cwd);
    await writeFile(join(cwd, 'content/plans/yueyang.md'), '手工修改');
    const refused = await run(['import', 'raw.txt', '--id', 'yueyang'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('content/plans/yueyang.md 已存在，未覆盖');
    expect(await readFile(join(cwd, 'content/plans/yueyang.md'), 'utf8')).toBe('手工修改');
    expect((await run(['import', 'raw.txt', '--id', 'yueyang', '--force'], cwd)).code).toBe(0);
    expect(await readFile(join(cwd, 'content/plans/yueyang.md'), 'utf8')).not.toBe('手工修改');
  });

  test('prints warnings with their position and still writes the file', async () => {
    const cwd = await withRaw();
    const deps = fakeDeps({ importPlan: () => ({ markdown: 'x', messages: [message('warning', 'raw.txt', 7)] }) });
    const result = await run(['import', 'raw.txt', '--id', 'yueyang'], cwd, deps);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('raw.txt:7:1: 警告 任务 4 跟在任务 2 之后 (task-number-gap)');
    expect(result.stdout).toContain('（1 个警告）');
  });

  test('writes nothing and exits 1 when the importer reports an error', async () => {
    const cwd = await withRaw();
    const deps = fakeDeps({ importPlan: () => ({ markdown: 'x', messages: [message('error', 'raw.txt')] }) });
    const result = await run(['import', 'raw.txt', '--id', 'yueyang'], cwd, deps);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('raw.txt:3:1: 错误');
    expect(result.stderr).toContain('未写入 content/plans/yueyang.md');
    expect(await readdir(cwd)).toEqual(['raw.txt']);
  });

  test('shows what it read off the cover when it refuses the plan', async () => {
    const cwd = await withRaw();
    const front = { id: 'yueyang', name: '岳阳街道', title: '岳阳街道安全生产工作方案', jurisdiction: ['岳阳街道'], level: '街道', issuer: '岳阳街道办事处', docNumber: null, issuedOn: '2024-05-08', period: null };
    const deps = fakeDeps({ importPlan: () => ({ markdown: null, messages: [message('error', 'raw.txt')], front }) });
    const result = await run(['import', 'raw.txt', '--id', 'yueyang'], cwd, deps);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('已从封面和标题读出：标题 岳阳街道安全生产工作方案；地名 岳阳街道（街道）；发文单位 岳阳街道办事处；文号 未读出；成文日期 2024-05-08；实施期 未读出');
    expect(await readdir(cwd)).toEqual(['raw.txt']);
  });

  test('exits 1 with a message when the raw file cannot be read', async () => {
    const result = await run(['import', 'missing.txt', '--id', 'yueyang'], await tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法读取 missing.txt');
  });

  test('rejects an id that is not lowercase ASCII', async () => {
    const result = await run(['import', 'raw.txt', '--id', '岳阳'], await withRaw());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('方案编号“岳阳”无效');
    expect(result.loads).toBe(0);
  });
});
