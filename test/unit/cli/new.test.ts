import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProject } from '../../../src/check/project.ts';
import { fakeDeps, run, tempDir } from './harness.ts';

const root = new URL('../../..', import.meta.url).pathname;

async function project(): Promise<string> {
  const cwd = await tempDir();
  await mkdir(join(cwd, 'content/plans'), { recursive: true });
  await cp(join(root, 'templates'), join(cwd, 'templates'), { recursive: true });
  return cwd;
}

describe('planbook new', () => {
  test('copies the skeleton to content/plans/<id>.md with its id, and the skeleton checks clean with its placeholder task', async () => {
    const cwd = await project();
    const result = await run(['new', 'songjiang-demo'], cwd, fakeDeps());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已新建 content/plans/songjiang-demo.md');
    const text = await readFile(join(cwd, 'content/plans/songjiang-demo.md'), 'utf8');
    expect(text).toMatch(/^id: songjiang-demo +# 编号/m);
    const checked = await checkProject({ root: cwd, plans: ['content/plans/songjiang-demo.md'], templates: 'templates' });
    expect(checked.messages).toEqual([]);
    expect(checked.plans[0]!.tasks).toHaveLength(1);
    expect(checked.plans[0]!.tasks[0]!.units.map((u) => [u.name, u.role])).toContainEqual(['街道平安办', 'lead']);
  });

  test('never overwrites an existing plan', async () => {
    const cwd = await project();
    await writeFile(join(cwd, 'content/plans/yueyang.md'), '原有内容');
    const result = await run(['new', 'yueyang'], cwd, fakeDeps());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/plans/yueyang.md 已存在，未作改动');
    expect(await readFile(join(cwd, 'content/plans/yueyang.md'), 'utf8')).toBe('原有内容');
  });

  test('refuses an id that cannot be a file name, in Chinese with a hint', async () => {
    const cwd = await project();
    const result = await run(['new', 'Yue Yang'], cwd, fakeDeps());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('方案编号“Yue Yang”无效');
    expect(result.stderr).toContain('提示：');
  });
});
