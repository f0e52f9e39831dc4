/**
 * Reading a content YAML file (`units.yml`, `alignment.yml`) so that every
 * problem is a Chinese message at the YAML's own line and column:
 *
 * ```text
 * content/units.yml:4:5: 错误 YAML 语法错误：缩进不一致 (units-yaml)
 * content/units.yml:7:14: 错误 不支持 YAML 别名“*a”：请直接写出内容 (units-yaml)
 * ```
 * Anchors, aliases and keys that are lists or maps are refused: content
 * files never need them, and an alias can expand a few lines into gigabytes.
 */
import { LineCounter, parseDocument, visit, isAlias, isCollection, type Document, type Node } from 'yaml';
import type { ErrorCode } from 'yaml';
import type { Message } from '../model/schema.ts';

const REASONS: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: '缩进不一致',
  TAB_AS_INDENT: '用了制表符（TAB）缩进，YAML 只允许空格',
  DUPLICATE_KEY: '同一个键出现了两次',
  MISSING_CHAR: '缺少配对的括号或引号',
  UNEXPECTED_TOKEN: '这里不应出现该字符',
  BAD_SCALAR_START: '取值不能以这个字符开头，请加引号',
  BAD_DQ_ESCAPE: '双引号中的转义写法有误',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  BLOCK_AS_IMPLICIT_KEY: '键不能是多行内容',
  BLOCK_IN_FLOW: '方括号或花括号里不能换行写列表',
  KEY_OVER_1024_CHARS: '键太长',
  MULTIPLE_DOCS: '文件中只能有一个 YAML 文档（去掉多余的 ---）',
  MULTIPLE_ANCHORS: '不支持 YAML 锚点',
  MULTIPLE_TAGS: '不支持 YAML 标签',
  BAD_ALIAS: '不支持 YAML 别名',
  ALIAS_PROPS: '不支持 YAML 别名',
  BAD_DIRECTIVE: '不支持 YAML 指令',
  TAG_RESOLVE_FAILED: '不支持 YAML 标签',
  RESOURCE_EXHAUSTION: '内容展开后过大',
  NON_STRING_KEY: '键只能是文字',
};

export interface ReadYaml {
  /** Null when the file has problems: nothing of it should be used. */
  doc: Document | null;
  lines: LineCounter;
  messages: Message[];
}

export function readYaml(text: string, file: string, rule: string, hint: string): ReadYaml {
  const lines = new LineCounter();
  const messages: Message[] = [];
  const at = (offset: number | undefined, message: string) => {
    const { line, col } = lines.linePos(offset ?? 0);
    messages.push({ file, line, column: col, severity: 'error', rule, message, hint });
  };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  for (const e of [...doc.errors, ...doc.warnings]) {
    at(e.pos[0], `YAML 语法错误：${REASONS[e.code] ?? '写法有误'}`);
  }
  if (messages.length === 0) {
    visit(doc, {
      Alias(_, node) {
        at(node.range?.[0], `不支持 YAML 别名“*${node.source}”：请直接写出内容`);
      },
      Pair(_, pair) {
        const key = pair.key as Node | null;
        if (isCollection(key) || isAlias(key)) at(key.range?.[0], 'YAML 的键只能是文字，不能是列表或映射');
      },
      Node(_, node) {
        if ('anchor' in node && node.anchor) at(node.range?.[0], `不支持 YAML 锚点“&${node.anchor}”：请直接写出内容`);
      },
    });
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  return { doc: messages.length === 0 ? doc : null, lines, messages };
}
