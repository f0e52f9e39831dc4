/**
 * The YAML front matter of a plan file read the way `units.yml` is
 * (`readYaml`), before the parser sees it: a YAML mistake, an alias bomb or
 * a list used as a key becomes a Chinese message at the YAML's own line and
 * column (in file lines), and the file is not parsed further.
 *
 * ```text
 * content/plans/miaohang.md:3:3: 错误 头信息：YAML 的键只能是文字，不能是列表或映射 (front-matter-yaml)
 * ```
 */
import type { Message } from '../model/schema.ts';
import { RULES } from './rules.ts';
import { readYaml } from './yaml.ts';

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

export function checkFrontMatterYaml(markdown: string, file: string): Message[] {
  const open = OPEN.exec(markdown);
  if (!open) return []; // the parser reports a missing front matter
  const rest = markdown.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  const yaml = close ? rest.slice(0, close.index) : rest;
  const { messages } = readYaml(yaml, file, 'front-matter-yaml', RULES['front-matter-yaml'].hint);
  return messages.map((m) => ({ ...m, line: m.line + 1, message: `头信息：${m.message}` }));
}
