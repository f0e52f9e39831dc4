/**
 * Reading one template (a YAML file under `templates/`) against its zod
 * schema, so that every problem is a Chinese message at the YAML's own line
 * and column:
 *
 * ```text
 * templates/exports.yml:7:14: 错误 未知的列“负责人”；可用的列：编号、方案、… (template-invalid)
 * templates/checklists/plan.yml:3:8: 错误 paper 只能是 A4 纵向 或 A4 横向 (template-invalid)
 * ```
 * The schema's issue path is followed down the YAML tree to the node it
 * names (an unknown key: the key itself; a missing key: its map).
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { z } from 'zod';
import { readYaml } from '../check/yaml.ts';
import type { Message } from '../model/schema.ts';
import { RULES } from '../check/rules.ts';

export interface ReadTemplate<T> {
  /** Null when the file has errors: nothing of it is used. */
  value: T | null;
  messages: Message[];
}

export function readTemplate<S extends z.ZodType>(text: string, file: string, schema: S, hint: string): ReadTemplate<z.output<S>> {
  const yaml = readYaml(text, file, 'template-yaml', RULES['template-yaml'].hint);
  if (!yaml.doc) return { value: null, messages: yaml.messages };
  const result = schema.safeParse(yaml.doc.toJS() ?? {}, { error: zhCN.localeError });
  if (result.success) return { value: result.data, messages: [] };
  const messages = result.error.issues.map((issue): Message => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const { line, col } = place(yaml.doc!, yaml.lines, issue.path, keys[0]);
    return { file, line, column: col, severity: 'error', rule: 'template-invalid', message: withPath(issue), hint: issueHint(issue, hint) };
  });
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  return { value: null, messages };
}

const zhCN = z.locales.zhCN();

/** zod's own wording names no key: `columns.2.width：无效输入…`. */
function withPath(issue: z.core.$ZodIssue): string {
  const last = issue.path.at(-1);
  if (issue.path.length === 0 || (typeof last === 'string' && issue.message.includes(last))) return issue.message;
  return `${issue.path.map(String).join('.')}：${issue.message}`;
}

function issueHint(issue: z.core.$ZodIssue, hint: string): string {
  if (issue.code === 'unrecognized_keys') return `删除或改正该键；${hint}`;
  return hint;
}

/** The line and column of the deepest node on `path` (of `key` in it, for an unknown key). */
function place(doc: Document, lines: LineCounter, path: PropertyKey[], key?: string): { line: number; col: number } {
  let node: Node | null = doc.contents as Node | null;
  for (const step of path) {
    const next = child(node, step);
    if (!next) break;
    node = next;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) node = pair.key;
  }
  return lines.linePos(node?.range?.[0] ?? 0);
}

function child(node: Node | null, step: PropertyKey): Node | null {
  if (isMap(node)) return (node.get(String(step), true) as Node | undefined) ?? null;
  if (isSeq(node) && typeof step === 'number') return (node.items[step] as Node | undefined) ?? null;
  return null;
}
