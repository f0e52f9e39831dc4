/**
 * Reads and validates the YAML front matter.
 *
 * ```markdown
 * ---
 * id: yueyang
 * period: [2024, 2026]
 * ---
 * ```
 * → `file.data.frontMatter = { id: 'yueyang', …, period: [2024, 2026] }`.
 *
 * Unknown keys are reported (at the key's line) and dropped; any other bad
 * value is reported and leaves `frontMatter` unset, because no plan can be
 * built without it.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { FrontMatterSchema, type FrontMatter } from '../model/schema.ts';
import { report } from './report.ts';

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter;
    /** Where each front-matter key is written, for messages about its value. */
    frontMatterPlaces: Record<string, { line: number; column: number }>;
  }
}

const KEYS = Object.keys(FrontMatterSchema.shape);

export default function remarkPlanFrontMatter() {
  return (tree: Root, file: VFile) => {
    const node = tree.children[0];
    if (!node || node.type !== 'yaml') {
      report(file, 'error', 'front-matter-missing', { line: 1, column: 1 }, '文件开头缺少 YAML 头信息（--- … ---）',
        '在文件第一行加入以 --- 开始和结束的头信息，写明 id、name、title、jurisdiction、level、issuer、docNumber、issuedOn、period。');
      return;
    }
    const firstLine = (node.position?.start.line ?? 1) + 1;
    const counter = new LineCounter();
    const doc = parseDocument(node.value, { lineCounter: counter, uniqueKeys: true });
    const at = (offset: number | undefined) => {
      const pos = counter.linePos(offset ?? 0);
      return { line: firstLine + pos.line - 1, column: pos.col };
    };
    if (doc.errors.length > 0 || !isMap(doc.contents)) {
      const first = doc.errors[0];
      report(file, 'error', 'front-matter-yaml', at(first?.pos[0]), `头信息不是有效的 YAML：${first?.message.split('\n')[0] ?? '应为“键: 值”的列表'}`,
        '每行写成“键: 值”，列表写成 [a, b]，字符串中含冒号时加引号。');
      return;
    }
    const keyPlace = new Map<string, { line: number; column: number }>();
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      keyPlace.set(key, at(isScalar(pair.key) ? pair.key.range?.[0] : undefined));
    }
    const data = doc.toJS() as Record<string, unknown>;
    for (const key of Object.keys(data)) {
      if (!KEYS.includes(key)) {
        report(file, 'error', 'unknown-front-matter-key', keyPlace.get(key), `头信息中有未知的键“${key}”`,
          `可用的键：${KEYS.join('、')}。检查拼写，或删除这一行。`);
        delete data[key];
      }
    }
    const result = FrontMatterSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? '');
        const missing = !(key in data);
        report(file, 'error', missing ? 'front-matter-missing-key' : 'front-matter-value',
          keyPlace.get(key) ?? { line: firstLine, column: 1 },
          missing ? `头信息缺少“${key}”` : `头信息“${key}”的值不合要求：${describe(issue.code, key)}`,
          hint(key));
      }
      return;
    }
    if (result.data.period[0] > result.data.period[1]) {
      report(file, 'error', 'front-matter-value', keyPlace.get('period'), '头信息“period”的起始年份晚于结束年份',
        '写成 [起始年, 结束年]，例如 [2024, 2026]。');
      return;
    }
    file.data.frontMatter = result.data;
    file.data.frontMatterPlaces = Object.fromEntries(keyPlace);
  };
}

function describe(code: string, key: string): string {
  if (code === 'invalid_type') return '类型不对';
  if (code === 'too_small') return '不能为空';
  if (key === 'issuedOn') return '应为 YYYY-MM-DD 格式的日期或 null';
  if (key === 'id') return '只能用小写字母、数字和连字符';
  return '格式不对';
}

function hint(key: string): string {
  const hints: Record<string, string> = {
    id: '写成文件名（不含 .md），只用小写字母、数字和连字符，例如 yueyang。',
    issuedOn: '写成 2024-04-22 这样的日期；原文没有写明时写 null。',
    period: '写成 [起始年, 结束年]，例如 [2024, 2026]。',
    jurisdiction: '写成从省（市）到本级的列表，例如 [上海市, 松江区, 岳阳街道]。',
    issuer: '写发文机关名称；原文没有写明时写 null。',
    docNumber: '写发文字号，例如 松府岳办〔2024〕13号；没有时写 null。',
  };
  return hints[key] ?? '填写一段非空文字。';
}
