/**
 * `importPlan(bytes, { id, path })` → `{ markdown, messages }`: turns an
 * extracted plan text into `content/plans/<id>.md`. Pure: no file access.
 *
 * Stages: decode → per raw line (confusables, artifacts, markup) → re-join
 * lines → tidy spaces → classify blocks → front matter → render.
 */
import { PlanIdSchema, type Message } from '../model/schema.ts';
import { decode } from './decode.ts';
import { hasMarkup, lineArtifact, stripMarkup } from './artifacts.ts';
import { fixConfusables, suspiciousColumns, type Confusable } from './confusables.ts';
import { joinLines, type Line, type Paragraph } from './lines.ts';
import { ACTION, tidySpaces } from './markers.ts';
import { findTitle, structure } from './structure.ts';
import { deriveFrontMatter } from './frontmatter.ts';
import { render } from './render.ts';
import { makeMessage } from './messages.ts';
import { checkImport } from './checks.ts';
import { fixTitle } from './title.ts';
import type { SourceText } from './sources/output.ts';

export interface ImportOptions {
  id: string;
  path: string;
}

export interface ImportResult {
  markdown: string | null;
  messages: Message[];
  /** Every character change made to the text, for review and tests. */
  fixes: Confusable[];
}

/**
 * `input` is the raw bytes of a text file, or the text a Word or PDF reader
 * made (sources/): then each message also says where it is in that file (`at`).
 */
export function importPlan(input: Uint8Array | SourceText, options: ImportOptions): ImportResult {
  const result = importText(input, options);
  if (input instanceof Uint8Array) return result;
  return { ...result, messages: result.messages.map((m) => ({ ...m, at: input.locate(m.line) })) };
}

function importText(input: Uint8Array | SourceText, options: ImportOptions): ImportResult {
  const file = options.path;
  const messages: Message[] = [];
  if (!PlanIdSchema.safeParse(options.id).success) {
    messages.push(makeMessage(file, 'error', 'import-invalid-id', { line: 1, column: 1 },
      `方案编号“${options.id}”无效：只能使用小写英文字母、数字和连字符`,
      '请换一个编号，例如 --id yueyang'));
    return { markdown: null, messages, fixes: [] };
  }
  const decoded = input instanceof Uint8Array ? decode(input) : ({ ok: true, text: input.text } as const);
  if (!decoded.ok) {
    const empty = decoded.reason === 'empty';
    messages.push(
      makeMessage(file, 'error', empty ? 'import-empty-input' : 'import-binary-input', { line: 1, column: 1 },
        empty ? '输入为空：没有可导入的文本' : `输入不是文本文件（在第 ${decoded.offset + 1} 字节附近发现二进制数据）`,
        empty ? '请确认提取的文本已保存到该文件中' : '请先将文档另存或提取为纯文本（UTF-8、GB18030 或 UTF-16）再导入'),
    );
    return { markdown: null, messages, fixes: [] };
  }
  const rawLines = decoded.text.replace(/\r\n?/g, '\n').split('\n');
  const markup = hasMarkup(rawLines);
  const fixes: Confusable[] = [];
  const lines: Line[] = [];
  rawLines.forEach((raw, index) => {
    const fixed = fixConfusables(raw, index + 1);
    fixes.push(...fixed.fixes);
    for (const column of suspiciousColumns(fixed.text)) {
      const ch = /^[a-z]+/.exec([...fixed.text].slice(column - 1).join(''))?.[0] ?? [...fixed.text][column - 1]!;
      messages.push(makeMessage(file, 'warning', 'import-suspicious-character', { line: index + 1, column },
        `第 ${index + 1} 行第 ${column} 列的“${ch}”不像中文正文（日文假名或夹在中文里的英文单词），可能是识别错误`,
        '请对照原文核对此字，并在文本中改正后重新导入'));
    }
    if (raw.trim() === '' || lineArtifact(fixed.text)) return;
    const { text, heading } = markup ? stripMarkup(fixed.text) : { text: fixed.text, heading: 0 };
    const trimmed = text.trim();
    if (trimmed === '') return;
    lines.push({ text: trimmed, line: index + 1, column: raw.search(/\S/) + 1, heading: heading > 0 });
  });
  for (const fix of fixes) {
    messages.push(makeMessage(file, 'warning', 'import-confusable', fix,
      `第 ${fix.line} 行第 ${fix.column} 列：将形近字“${fix.from}”（U+${fix.from.codePointAt(0)!.toString(16).toUpperCase()}）改为“${fix.to}”`,
      '这是识别错误的常见形近字；请对照原文核对此处修改'));
  }
  const paragraphs: Paragraph[] = joinLines(lines).map((p) => ({ ...p, text: normaliseOrdinal(tidySpaces(p.text)) }));
  const titleIndex = findTitle(paragraphs);
  if (titleIndex < 0) {
    messages.push(makeMessage(file, 'error', 'import-no-title', { line: 1, column: 1 },
      '没有找到方案标题（如“××安全生产治本攻坚三年行动实施方案（2024—2026年）”）',
      '请确认输入是完整的方案文本；若标题另有写法，请在文本中补上标题行后再导入'));
    return { markdown: null, messages, fixes };
  }
  const title = fixTitle(paragraphs[titleIndex]!, file);
  messages.push(...title.messages);
  paragraphs[titleIndex] = { ...paragraphs[titleIndex]!, text: title.text };
  for (let i = 0; i < titleIndex; i++) paragraphs[i] = { ...paragraphs[i]!, text: coverText(paragraphs[i]!.text) };
  const blocks = structure(paragraphs, titleIndex);
  messages.push(...checkImport(blocks, lines, file));
  const cover = paragraphs.slice(0, titleIndex).map((p) => p.text);
  const body = paragraphs.slice(titleIndex + 1).map((p) => p.text);
  const front = deriveFrontMatter(options.id, title.text, cover, body);
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  if (messages.some((m) => m.severity === 'error')) return { markdown: null, messages, fixes };
  return { markdown: render(front, blocks), messages, fixes };
}

/** `(一) 加强…` → `（一）加强…`: one bracket form for ordinals. */
function normaliseOrdinal(text: string): string {
  return text.replace(ACTION, (_, num: string) => `（${num}）`);
}

/** Cover lines that are titles or headers lose the spaces of their line breaks. */
function coverText(text: string): string {
  return /[。，；：]/.test(text) ? text : tidySpaces(text, true);
}
