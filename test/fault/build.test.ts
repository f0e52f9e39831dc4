/**
 * Faults injected into the real build: the previous site must stay
 * byte-identical, nothing may be left behind, and every failure must end
 * with a planbook message and exit 1 (content) or 2 (anything else), or
 * 130/143 for SIGINT/SIGTERM — never Node's silent exit 13.
 */
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { editPlan, faultProject, leftovers, removeProjects, root, runBuild, treeHashes, type BuildRun, type FaultProject } from './harness.ts';

const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
  removeProjects();
});

function expectUntouched(project: FaultProject, before: Record<string, string>, run: BuildRun): void {
  expect(treeHashes(project.out)).toEqual(before);
  expect(leftovers(run, project)).toEqual([]);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

/** A stand-in for the Pagefind binary (PAGEFIND_BINARY_PATH). */
async function fakePagefind(project: FaultProject, script: string): Promise<string> {
  const path = join(project.dir, 'pagefind');
  await writeFile(path, `#!/bin/sh\n${script}\n`);
  await chmod(path, 0o755);
  return path;
}

describe('a failed build keeps the previous site', () => {
  test('a content error (an emoji and a TAB in a task) stops before any output, with positions and exit 1', async () => {
    const project = await faultProject();
    const before = treeHashes(project.out);
    await editPlan(project, 'miaohang', '全面', '全面😀');
    await editPlan(project, 'puxinglu', '安全', '安\t全');
    const run = await runBuild(project);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/miaohang\.md:\d+:\d+: 错误 含有 PDF 字体 Noto Sans SC 无法显示的字符“😀”（U\+1F600） \(font-missing-glyph\)/);
    expect(run.stderr).toMatch(/puxinglu\.md:\d+:\d+: 错误 含有控制字符 TAB（U\+0009） \(control-character\)/);
    expect(run.stderr).toContain('保持上次构建的内容');
    expectUntouched(project, before, run);
  });

  test('a broken template (an unknown column, a glyph the font lacks) stops before any output, with templates/…:line:col and exit 1', async () => {
    const project = await faultProject();
    const before = treeHashes(project.out);
    const templates = join(project.dir, 'templates');
    await cp(join(root, 'templates'), templates, { recursive: true });
    const exports = join(templates, 'exports.yml');
    await writeFile(exports, (await readFile(exports, 'utf8')).replace('- { column: plan, width: 30 }', '- { column: 负责人, width: 30 }'));
    const plan = join(templates, 'checklists/plan.yml');
    await writeFile(plan, (await readFile(plan, 'utf8')).replace('填报人,', '填报人😀,'));
    const run = await runBuild(project, { PLANBOOK_TEMPLATES: templates });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/templates\/exports\.yml:\d+:\d+: 错误 columns\.1\.column：未知的列“负责人”；可用的列：id、plan、.*link \(template-invalid\)/);
    expect(run.stderr).toMatch(/templates\/checklists\/plan\.yml:\d+:\d+: 错误 含有 PDF 字体 Noto Sans SC 无法显示的字符“😀”/);
    expect(run.stderr).toContain('提示：');
    expect(run.stderr).toContain('保持上次构建的内容');
    expectUntouched(project, before, run);
  });

  test('a missing Pagefind binary fails with a message and exit 2', async () => {
    const project = await faultProject();
    const before = treeHashes(project.out);
    const run = await runBuild(project, { PAGEFIND_BINARY_PATH: join(project.dir, 'no-such-pagefind') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Pagefind 程序');
    expect(run.stderr).toContain('不存在或不可执行');
    expectUntouched(project, before, run);
  });

  test('a Pagefind binary that dies mid-conversation fails with a message and exit 2, not exit 13', async () => {
    const project = await faultProject();
    const before = treeHashes(project.out);
    const run = await runBuild(project, { PAGEFIND_BINARY_PATH: await fakePagefind(project, 'head -c 16 >/dev/null\nexit 3') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Pagefind 程序意外退出');
    expect(run.stderr).not.toContain('Service stopped');
    expectUntouched(project, before, run);
  });

  test.each([
    ['a PDF that fails', 'pdf/miaohang-2025.pdf', '生成任务清单 PDF 失败：pdf/miaohang-2025.pdf'],
    ['a PDF worker that exits', 'exit:pdf/puxinglu.pdf', '生成任务清单 PDF 的工作线程意外退出'],
  ])('%s (PLANBOOK_FAULT_PDF) fails with the file named and exit 2, the previous site untouched', async (_, fault, message) => {
    const project = await faultProject();
    const before = treeHashes(project.out);
    const run = await runBuild(project, { PLANBOOK_FAULT_PDF: fault });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('保持上次构建的内容');
    expectUntouched(project, before, run);
  });

  test.each([
    ['SIGINT', 'Astro renders the pages', '正在生成站点页面', 130],
    ['SIGTERM', 'the PDF workers render', '正在生成任务清单 PDF', 143],
    ['SIGTERM', 'Pagefind indexes', '正在建立搜索索引', 143],
  ] as const)('%s while %s: exit with its code, the previous site untouched', async (signal, _, line, code) => {
    const project = await faultProject();
    const before = treeHashes(project.out);
    const run = await runBuild(project, {}, (text, child) => {
      if (text.includes(line)) child.kill(signal);
    });
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(`构建被中断（${signal}）`);
    expectUntouched(project, before, run);
  });

  test('a full disk where the site is published: exit 2 naming ENOSPC, the previous site untouched', async (context) => {
    const mount = join((await faultProject()).dir, 'small-disk');
    await mkdir(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount], { stdio: 'pipe' });
    } catch (error) {
      context.skip(`cannot mount a small tmpfs here (${String(error).split('\n')[0]}), so a full disk is not simulated`);
      return;
    }
    mounts.push(mount);
    const project = await faultProject(join(mount, 'dist'));
    const before = treeHashes(project.out);
    const run = await runBuild(project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('磁盘空间不足（ENOSPC）');
    expectUntouched(project, before, run);
  });
});

describe('a successful build', () => {
  test('replaces the previous site as a whole and leaves nothing behind', async () => {
    const project = await faultProject();
    const run = await runBuild(project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = treeHashes(project.out);
    expect(after['plans/miaohang/index.html']).toBeDefined();
    expect(after['pdf/miaohang-2024.pdf']).toBeDefined();
    expect(after['pagefind/pagefind-entry.json']).toBeDefined();
    expect(existsSync(join(project.out, 'data/tasks.xlsx'))).toBe(true);
    expect(leftovers(run, project)).toEqual([]);
  });
});
