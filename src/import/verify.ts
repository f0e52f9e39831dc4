/**
 * The importer's promise: what it writes, `planbook check` passes.
 *
 * - `verifyImport` parses the Markdown it is about to write with the same
 *   parser `check` runs, and turns any error into an import error.
 * - `roundTrip` recognises planbook's own content Markdown (front matter with
 *   `id:` and `period:`) given back to `import`: it is written unchanged when
 *   it checks clean, and refused with the checker's messages when not, never
 *   re-imported as raw text (which would corrupt it).
 */
import type { Message } from '../model/schema.ts';
import { parsePlan } from '../parse/index.ts';
import { makeMessage } from './messages.ts';

const PLANBOOK = /^\uFEFF?---\r?\n(?=[\s\S]*?^id:\s*\S)(?=[\s\S]*?^period:\s*\[)[\s\S]*?\r?\n---\r?\n/mu;

/** `origin`: the input line each line of `markdown` came from, so the message points at the input. */
export function verifyImport(markdown: string, options: { id: string; path: string }, origin: (line: number) => number = () => 1): Message[] {
  const target = `content/plans/${options.id}.md`;
  const { messages } = parsePlan(markdown, target);
  // `check` also refuses control characters (src/check/characters.ts): none may be written.
  const controls = markdown.split('\n').flatMap((text, i) => {
    const at = text.search(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/u);
    return at < 0 ? [] : [{ severity: 'error' as const, line: i + 1, column: at + 1, message: `含有控制字符 U+${text.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0')}`, hint: '删去这个字符，或换成空格' }];
  });
  return [...messages, ...controls]
    .filter((m) => m.severity === 'error')
    .map((m) => makeMessage(options.path, 'error', 'import-check-failed', { line: origin(m.line) || 1, column: 1 },
      `导入结果通不过检查（生成的 ${target} 第 ${m.line} 行第 ${m.column} 列）：${m.message}`,
      `${m.hint}；这通常说明原文的这一处写法导入程序还读不懂，请按提示在原文中改正后重新导入`));
}

export function roundTrip(text: string, options: { id: string; path: string }): { markdown: string | null; messages: Message[] } | null {
  if (!PLANBOOK.test(text)) return null;
  const id = /^id:\s*["']?([^"'\s]+)/mu.exec(text)?.[1];
  if (id !== options.id) {
    return { markdown: null, messages: [makeMessage(options.path, 'error', 'import-planbook-id', { line: 2, column: 1 },
      `这是 planbook 的内容文件（头信息 id 为“${id}”），与 --id ${options.id} 不一致`,
      `内容文件不需要再导入：直接放到 content/plans/${id}.md；若要换编号，请改头信息里的 id 并用相同的文件名`)] };
  }
  const { messages } = parsePlan(text, `content/plans/${options.id}.md`);
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) {
    return { markdown: null, messages: errors.map((m) => makeMessage(options.path, 'error', 'import-planbook-invalid', m,
      `这是 planbook 的内容文件，但它通不过检查：${m.message}`,
      `${m.hint}；内容文件请直接修改后运行 planbook check，不要当作原文重新导入`)) };
  }
  return { markdown: text, messages: [makeMessage(options.path, 'warning', 'import-planbook-roundtrip', { line: 1, column: 1 },
    '这是 planbook 的内容文件，已原样写出，未作任何改动', '内容文件不需要导入：以后直接编辑 content/plans/ 下的文件并运行 planbook check')] };
}
