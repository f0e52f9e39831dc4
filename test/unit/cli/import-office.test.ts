/** `planbook import` on the files staff actually have, with the real importer. */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDeps } from '../../../src/cli/deps.ts';
import { rawPlan } from '../import/plans.ts';
import { makeDocx, printToPdf } from '../import/sources/office.ts';
import { seedBlocks } from '../import/sources/seed.ts';
import { officePath } from '../import/sources/fixtures.ts';
import { run, tempDir } from './harness.ts';

const deps = await loadDeps();
const importIn = (cwd: string, ...args: string[]) => run(['import', ...args], cwd, deps);

async function withFiles(files: Record<string, string>): Promise<string> {
  const cwd = await tempDir();
  for (const [name, fixture] of Object.entries(files)) {
    await mkdir(join(cwd, name, '..'), { recursive: true });
    await copyFile(officePath(fixture), join(cwd, name));
  }
  return cwd;
}

describe('planbook import of Word and PDF files', () => {
  test('imports the Word file and the PDF printed from it to the same eight tasks', async () => {
    const cwd = await withFiles({ 'fengjing.docx': 'plan.docx', 'fengjing.pdf': 'plan.pdf' });
    expect((await importIn(cwd, 'fengjing.docx', '--id', 'fengjing')).code).toBe(0);
    expect((await importIn(cwd, 'fengjing.pdf', '--id', 'fengjing-pdf')).code).toBe(0);
    for (const id of ['fengjing', 'fengjing-pdf']) {
      const markdown = await readFile(join(cwd, 'content/plans', `${id}.md`), 'utf8');
      expect(markdown.match(/^\d+\. /gm)).toHaveLength(8);
      expect(markdown).toContain('### （二）开展重大事故隐患排查整治行动');
    }
  });

  test('reads a PDF by its content even when it is named .txt', async () => {
    const cwd = await withFiles({ '方案.txt': 'plan.pdf' });
    const result = await importIn(cwd, '方案.txt', '--id', 'fengjing');
    expect(result.code).toBe(0);
    expect(await readFile(join(cwd, 'content/plans/fengjing.md'), 'utf8')).toMatch(/^8\. \*\*推进数字化监管\*\*/m);
  });

  test.each([
    ['scanned.pdf', '这是扫描件：PDF 没有文字层', 'OCR'],
    ['encrypted.pdf', 'PDF 已加密，需要密码才能打开', '另存为不加密的 PDF'],
    ['truncated.pdf', 'PDF 文件不完整', '重新下载'],
    ['truncated.docx', 'Word 文件（.docx）已损坏', '另存为” .docx'],
    ['old-word.doc', '这是旧版 Word（.doc）', '另存为” Word 文档（.docx'],
  ])('refuses %s with a clear Chinese message, exit 1 and nothing written', async (fixture, message, hint) => {
    const cwd = await withFiles({ [fixture]: fixture });
    const result = await importIn(cwd, fixture, '--id', 'fengjing');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${fixture}:1:1: 错误 ${message}`);
    expect(result.stderr).toContain(hint);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await readdir(cwd)).toEqual([fixture]);
  });

  test.each([
    ['plan.pdf', 'PDF 文件已损坏，无法读取'],
    ['plan.docx', 'Word 文件（.docx）已损坏'],
  ])('calls binary bytes that are neither Word nor PDF under the name %s a damaged file, and writes nothing', async (name, message) => {
    const cwd = await tempDir();
    await writeFile(join(cwd, name), Uint8Array.from({ length: 4096 }, (_, i) => (i * 73 + 11) % 256));
    const result = await importIn(cwd, name, '--id', 'fengjing');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${name}:1:1: 错误 ${message}`);
    expect(await readdir(cwd)).toEqual([name]);
  });

  test('points a warning at the paragraph of the Word file', async () => {
    const { blocks, lists } = seedBlocks(rawPlan('puxinglu'), true);
    const i = blocks.findIndex((b) => 'text' in b && b.text.includes('能力'));
    blocks[i] = { ...blocks[i]!, text: (blocks[i] as { text: string }).text.replace('能力', '能カ') } as (typeof blocks)[number];
    const cwd = await tempDir();
    await writeFile(join(cwd, 'puxinglu.docx'), await makeDocx(blocks, { lists }));
    const result = await importIn(cwd, 'puxinglu.docx', '--id', 'puxinglu');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`puxinglu\\.docx:第${i + 1}段: 警告 .*“カ”`));
  });

  test('points every message from a PDF at its page and line, in the text too, and writes nothing on an error', async () => {
    const { blocks } = seedBlocks(rawPlan('puxinglu'), false);
    // Task 3 written twice: an error that names both places.
    const third = blocks.findIndex((b) => 'text' in b && /^3[.．]/.test(b.text));
    blocks.splice(third + 1, 0, blocks[third]!);
    const [pdf] = printToPdf([await makeDocx(blocks, { header: '浦兴路街道安全生产治本攻坚三年行动实施方案' })]);
    const cwd = await tempDir();
    await writeFile(join(cwd, 'puxinglu.pdf'), pdf!);
    const result = await importIn(cwd, 'puxinglu.pdf', '--id', 'puxinglu');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/puxinglu\.pdf:第\d+页第\d+行: 错误 任务编号 3 重复（第\d+页第\d+行已有任务 3）/);
    const places = [...`${result.stdout}\n${result.stderr}`.matchAll(/^puxinglu\.pdf:([^:]+): /gm)].map((m) => m[1]);
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(place).toMatch(/^第\d+页第\d+行$/);
    expect(await readdir(cwd)).toEqual(['puxinglu.pdf']);
  });
});

describe('planbook import <folder>', () => {
  test('imports every plan file, reports each, and writes none that has an error', async () => {
    const cwd = await withFiles({
      'plans/fengjing.docx': 'plan.docx',
      'plans/fengjing-print.pdf': 'plan.pdf',
      'plans/scan.pdf': 'scanned.pdf',
      'plans/old.doc': 'old-word.doc',
    });
    await writeFile(join(cwd, 'plans/说明.xlsx'), 'not a plan');
    const result = await importIn(cwd, 'plans');
    expect(result.code).toBe(1);
    expect((await readdir(join(cwd, 'content/plans'))).sort()).toEqual(['fengjing-print.md', 'fengjing.md']);
    expect(result.stdout).toContain('跳过 plans/说明.xlsx');
    expect(result.stderr).toContain('plans/scan.pdf:1:1: 错误 这是扫描件');
    expect(result.stderr).toContain('plans/old.doc:1:1: 错误 这是旧版 Word');
    expect(result.stderr).toContain('4 个方案文件：已写入 2 个，未写入 2 个（plans/old.doc、plans/scan.pdf）');
  });

  test('refuses a file name that cannot be a plan id, and two files with one id', async () => {
    const cwd = await withFiles({ 'in/枫泾.docx': 'plan.docx', 'in/fengjing.docx': 'plan.docx', 'in/fengjing.pdf': 'plan.pdf' });
    const result = await importIn(cwd, 'in');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('in/枫泾.docx：文件名“枫泾”不能用作方案编号');
    expect(result.stderr).toContain('in/fengjing.pdf：编号 fengjing 已由 in/fengjing.docx 使用');
    expect(await readdir(join(cwd, 'content/plans'))).toEqual(['fengjing.md']);
  });

  test('reads each file by its content, not its name: a .docx named .doc, a PDF named .txt', async () => {
    const cwd = await withFiles({ 'in/tinglin.doc': 'tinglin.docx', 'in/lvxiang.txt': 'lvxiang.pdf', 'in/wps.docx': 'tinglin-wps.docx' });
    const result = await importIn(cwd, 'in');
    expect(result.code).toBe(0);
    for (const name of ['tinglin.doc', 'lvxiang.txt', 'wps.docx']) expect(result.stdout).toContain(`— in/${name}`);
    expect(result.stdout).toContain('3 个方案文件：已写入 3 个，未写入 0 个');
    expect((await readFile(join(cwd, 'content/plans/lvxiang.md'), 'utf8')).match(/^\|[^|\n]*\| \d+ \|/gm)).toHaveLength(13);
    expect(await readFile(join(cwd, 'content/plans/wps.md'), 'utf8')).toBe((await readFile(join(cwd, 'content/plans/tinglin.md'), 'utf8')).replace('id: tinglin', 'id: wps'));
  });

  test('exits 0 with a summary when every file imports', async () => {
    const cwd = await withFiles({ 'in/fengjing.docx': 'plan.docx' });
    const result = await importIn(cwd, 'in');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 个方案文件：已写入 1 个，未写入 0 个');
  });
});

describe('planbook import --out', () => {
  test('says --out takes a folder when it names an existing file, and writes nothing', async () => {
    const cwd = await withFiles({ 'fengjing.docx': 'plan.docx' });
    await writeFile(join(cwd, 'fengjing.md'), '旧内容');
    for (const args of [[], ['--force']]) {
      const result = await importIn(cwd, 'fengjing.docx', '--id', 'fengjing', '--out', 'fengjing.md', ...args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('--out 应是输出目录，而 fengjing.md 是一个文件');
      expect(result.stderr).not.toContain('已存在');
    }
    expect(await readFile(join(cwd, 'fengjing.md'), 'utf8')).toBe('旧内容');
  });

  test('says so too when --out looks like a Markdown file name', async () => {
    const cwd = await withFiles({ 'fengjing.docx': 'plan.docx' });
    const result = await importIn(cwd, 'fengjing.docx', '--id', 'fengjing', '--out', 'content/plans/fengjing.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('像是文件名');
    expect(await readdir(cwd)).toEqual(['fengjing.docx']);
  });
});
