import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);

async function build(env: Record<string, string>) {
  try {
    const r = await run(process.execPath, ['scripts/build.ts'], { env: { ...process.env, ...env } });
    return { code: 0, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('npm run build', () => {
  test('fails on content errors with file:line:col messages, and leaves the previous output as it was', async () => {
    const out = 'test-results/build-bad-dist';
    mkdirSync(out, { recursive: true });
    writeFileSync(`${out}/stale.html`, 'from an earlier build');
    const r = await build({ PLANBOOK_CONTENT: 'test/fixtures/site/bad', PLANBOOK_OUT: out });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/site/bad/bad.md:31:1: 错误');
    expect(r.stderr).toContain('(task-number-gap)');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(`${out}/stale.html`, 'utf8')).toBe('from an earlier build');
    expect(r.stderr).toContain('保持上次构建的内容');
  });

  test('fails on an invalid unit groups file with its position', async () => {
    const units = 'test-results/bad-units.yml';
    mkdirSync('test-results', { recursive: true });
    writeFileSync(units, 'groups:\n  - name: 甲\n    members: [A, B]\n  - name: 乙\n    members: [A, C]\n');
    const r = await build({ PLANBOOK_CONTENT: 'test/fixtures/site/hostile', PLANBOOK_UNITS: units, PLANBOOK_OUT: 'test-results/build-units-dist' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test-results/bad-units.yml:5:15: 错误');
    expect(existsSync('test-results/build-units-dist')).toBe(false);
  });

  test('says so when the content directory does not exist', async () => {
    const r = await build({ PLANBOOK_CONTENT: 'test/fixtures/site/none', PLANBOOK_OUT: 'test-results/build-none-dist' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('无法读取方案目录');
  });
});
