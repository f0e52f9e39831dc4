import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checkProject, formatMessage } from '../../../src/check/index.ts';
import type { Message } from '../../../src/model/schema.ts';

const root = resolve(import.meta.dirname, '../../..');
const SEEDS = ['changning', 'miaohang', 'puxinglu', 'xiangxiang', 'yueyang'];
const TASK_1 = '1. **进一步强化党委政府责任**。深入贯彻落实';

/** A project folder with the five seed plans, units.yml and alignment.yml, and one file changed. */
async function project(change: (files: Record<string, string>) => void = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'planbook-check-'));
  await mkdir(join(dir, 'content/plans'), { recursive: true });
  const files: Record<string, string> = {};
  for (const id of SEEDS) files[`content/plans/${id}.md`] = await readFile(join(root, `content/plans/${id}.md`), 'utf8');
  for (const name of ['units.yml', 'alignment.yml']) files[`content/${name}`] = await readFile(join(root, 'content', name), 'utf8');
  change(files);
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
  const plans = Object.keys(files).filter((path) => path.endsWith('.md')).sort();
  return checkProject({ root: dir, plans, units: 'content/units.yml', alignment: 'content/alignment.yml' });
}

const errors = (messages: Message[]) => messages.filter((m) => m.severity === 'error');
const edit = (files: Record<string, string>, path: string, from: string, to: string) => {
  if (!files[path]!.includes(from)) throw new Error(`${from} not in ${path}`);
  files[path] = files[path]!.replace(from, to);
};

afterEach(() => vi.restoreAllMocks());

describe('checkProject', () => {
  test('passes the five seed plans with their units and alignment files', async () => {
    const result = await project();
    expect(errors(result.messages).map(formatMessage)).toEqual([]);
    expect(result.plans.map((p) => p.tasks.length)).toEqual([30, 29, 27, 20, 35]);
    expect(result.files).toBe(7);
  });

  test('reports an emoji in a task at its line and column with the code point', async () => {
    const { messages } = await project((f) => edit(f, 'content/plans/yueyang.md', TASK_1, '1. **进一步强化党委政府责任**😀。深入贯彻落实'));
    expect(errors(messages).map(formatMessage)).toEqual([
      'content/plans/yueyang.md:41:19: 错误 含有 PDF 字体 Noto Sans SC 无法显示的字符“😀”（U+1F600） (font-missing-glyph)\n  提示：换成常用写法或通用字符（表情符号、生僻符号无法印到 PDF）。',
    ]);
  });

  test.each([
    ['U+2028 in the plan title', 'title: 岳阳街道安全生产', 'title: 岳阳街道\u2028安全生产', 4, 12, '行分隔符（U+2028）'],
    ['a TAB in a task', '深入贯彻落实', '深入\t贯彻落实', 41, 22, 'TAB（U+0009）'],
    ['a NUL byte in the cover', '上海市松江区岳阳街道办事处文件', '上海市松江区\u0000岳阳街道办事处文件', 13, 7, '（U+0000）'],
  ])('reports %s as a control character at its position', async (_, from, to, line, column, named) => {
    const { messages } = await project((f) => edit(f, 'content/plans/yueyang.md', from, to));
    const found = messages.filter((m) => m.rule === 'control-character');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'content/plans/yueyang.md', line, column, severity: 'error' });
    expect(found[0]!.message).toContain(named);
  });

  test('accepts CRLF line ends', async () => {
    const { messages } = await project((f) => (f['content/plans/miaohang.md'] = f['content/plans/miaohang.md']!.replaceAll('\n', '\r\n')));
    expect(messages.filter((m) => m.rule === 'control-character')).toEqual([]);
  });

  test('refuses a period that is not 1–10 years within 2000–2100, at the period line', async () => {
    const { messages } = await project((f) => edit(f, 'content/plans/yueyang.md', 'period: [2024, 2026]', 'period: [2024, 20260]'));
    expect(errors(messages).map(formatMessage)).toEqual([
      'content/plans/yueyang.md:10:9: 错误 实施期 2024—20260 年超出范围：年份应在 2000—2100 之间，跨度 1—10 年 (period-out-of-range)\n  提示：period 写成 [起始年, 结束年]：年份在 2000—2100 之间，跨度 1—10 年。',
    ]);
  });

  test("refuses a plan id whose PDF address is another plan's yearly task list", async () => {
    const { messages } = await project((f) => {
      f['content/plans/yueyang-2024.md'] = f['content/plans/miaohang.md']!.replace('id: miaohang', 'id: yueyang-2024');
      delete f['content/plans/miaohang.md'];
    });
    expect(errors(messages).map((m) => [m.file, m.line, m.rule, m.message])).toEqual([
      ['content/plans/yueyang-2024.md', 2, 'plan-id-collision', '方案 id “yueyang-2024”生成的 /pdf/yueyang-2024.pdf 与 content/plans/yueyang.md 的2024 年任务清单相同'],
    ]);
  });

  test('reports a YAML mistake in units.yml in Chinese at its own line and column', async () => {
    const { messages } = await project((f) => edit(f, 'content/units.yml', '    members: [市消防救援大队, 消防]', '    members: [市消防救援大队, 消防'));
    const [first] = errors(messages);
    expect(first).toMatchObject({ file: 'content/units.yml', rule: 'units-yaml' });
    expect(first!.line).toBeGreaterThan(1);
    expect(first!.message).toMatch(/^YAML 语法错误：\p{Script=Han}/u);
  });

  test('refuses a YAML alias bomb in units.yml at the alias, without expanding it', async () => {
    const bomb = 'a: &a [消防, 消防, 消防, 消防, 消防, 消防, 消防, 消防, 消防]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ngroups: []\n';
    const { messages } = await project((f) => (f['content/units.yml'] = bomb));
    const found = errors(messages);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.file === 'content/units.yml' && m.rule === 'units-yaml' && /[\u4e00-\u9fff]/.test(m.message))).toBe(true);
    expect(found[0]).toMatchObject({ line: 1 });
    expect(found.some((m) => m.line === 2)).toBe(true);
  });

  test('refuses a list used as a key in alignment.yml, in Chinese, without a Node warning', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const { messages } = await project((f) => (f['content/alignment.yml'] = 'pin:\n  - [yueyang-7, xiangxiang-1]\n? [a, b]\n: c\n'));
    expect(errors(messages).map((m) => [m.file, m.line, m.column, m.rule])).toEqual([['content/alignment.yml', 3, 3, 'alignment-yaml']]);
    expect(errors(messages)[0]!.message).toBe('YAML 的键只能是文字，不能是列表或映射');
    expect(warn).not.toHaveBeenCalled();
  });

  test('reports a list used as a key in a plan\'s front matter in Chinese at its line, without a Node warning', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const { messages } = await project((f) => edit(f, 'content/plans/miaohang.md', 'id: miaohang\n', 'id: miaohang\n? [上海市, 宝山区]\n: 庙行镇\n'));
    expect(errors(messages).map((m) => [m.file, m.line, m.column, m.rule, m.message])).toEqual([
      ['content/plans/miaohang.md', 3, 3, 'front-matter-yaml', '头信息：YAML 的键只能是文字，不能是列表或映射'],
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  test('refuses aliases in a plan\'s front matter at the alias instead of expanding them', async () => {
    const bomb = 'x: &a [岳阳, 岳阳, 岳阳, 岳阳, 岳阳, 岳阳, 岳阳, 岳阳]\ny: [*a, *a, *a, *a, *a, *a, *a, *a]\n';
    const { messages } = await project((f) => edit(f, 'content/plans/miaohang.md', 'id: miaohang\n', `id: miaohang\n${bomb}`));
    const found = errors(messages);
    expect(found.every((m) => m.rule === 'front-matter-yaml' && m.message.startsWith('头信息：不支持 YAML'))).toBe(true);
    expect(found.map((m) => m.line)).toEqual([3, 4, 4, 4, 4, 4, 4, 4, 4]);
  });

  test('checks alignment.yml against the plans, as the build does', async () => {
    const { messages } = await project((f) => edit(f, 'content/alignment.yml', '[yueyang-7, xiangxiang-1]', '[yueyang-70, xiangxiang-1]'));
    expect(errors(messages).map((m) => [m.file, m.rule])).toEqual([['content/alignment.yml', 'alignment-unknown-task']]);
  });

  test('reports a plan file that is not UTF-8 at the first bad byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbook-check-'));
    await copyFile(join(root, 'content/plans/yueyang.md'), join(dir, 'yueyang.md'));
    const bytes = await readFile(join(dir, 'yueyang.md'));
    await writeFile(join(dir, 'yueyang.md'), Buffer.concat([bytes.subarray(0, 20), Buffer.from([0xc4, 0xe3]), bytes.subarray(20)]));
    const { messages } = await checkProject({ root: dir, plans: ['yueyang.md'] });
    expect(messages.map((m) => [m.line, m.rule, m.message])).toEqual([[3, 'file-unreadable', '文件不是有效的 UTF-8 文本']]);
  });
});
