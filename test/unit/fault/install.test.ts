import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { installSite } from '../../../src/build/install.ts';
import { RESTORE, createScratch, recoverStaleBuilds, runCleanups } from '../../../src/build/scratch.ts';

async function site(dir: string, title: string): Promise<void> {
  await mkdir(join(dir, 'plans/yueyang'), { recursive: true });
  await writeFile(join(dir, 'index.html'), `<title>${title}</title>`);
  await writeFile(join(dir, 'plans/yueyang/index.html'), `<title>岳阳街道 ${title}</title>`);
}

describe('installSite', () => {
  test('replaces the published site by the new one and leaves no scratch folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'planbook-install-'));
    await site(join(root, 'dist'), '旧站点');
    const scratch = createScratch(root);
    await site(scratch.out, '新站点');
    await installSite(scratch.out, join(root, 'dist'), scratch.dir);
    runCleanups();
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<title>新站点</title>');
    expect(existsSync(join(root, '.cache'))).toBe(false);
  });

  test('puts the old site back when the new one cannot be moved into place', async () => {
    const root = mkdtempSync(join(tmpdir(), 'planbook-install-'));
    await site(join(root, 'dist'), '旧站点');
    const scratch = createScratch(root);
    await expect(installSite(join(scratch.dir, 'missing'), join(root, 'dist'), scratch.dir)).rejects.toMatchObject({ code: 'ENOENT' });
    runCleanups();
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('<title>旧站点</title>');
  });
});

describe('recoverStaleBuilds', () => {
  test('puts back a site that a build killed outright (SIGKILL) had moved aside, and removes its folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'planbook-install-'));
    const gone = spawnSync('true').pid!; // a process id that has ended
    const stale = join(root, `.cache/build-${gone}-0badc0de`);
    await site(join(stale, 'previous'), '旧站点');
    await writeFile(join(stale, RESTORE), JSON.stringify({ aside: join(stale, 'previous'), out: join(root, 'dist') }));
    recoverStaleBuilds(root);
    expect(readFileSync(join(root, 'dist/plans/yueyang/index.html'), 'utf8')).toBe('<title>岳阳街道 旧站点</title>');
    expect(existsSync(stale)).toBe(false);
  });
});
