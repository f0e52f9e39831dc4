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
import { ACTION, isLetterSpaced, joinSplitWords, SECTION, tidySpaces } from './markers.ts';
import { structure } from './structure.ts';
import { deriveFrontMatter, type CoverRead } from './frontmatter.ts';
import { render } from './render.ts';
import { makeMessage } from './messages.ts';
import { checkImport } from './checks.ts';
import { findTitle, fixTitle, titleNotFound } from './title.ts';
import { chromeLine, type ChromeFacts } from './chrome.ts';
import { tableCells } from './tables.ts';
import { roundTrip, verifyImport } from './verify.ts';
import { toSimplified } from './script.ts';
import type { SourceText } from './sources/output.ts';
import { sourceWhere, textWhere } from './where.ts';

export interface ImportOptions {
  id: string;
  path: string;
}

export interface ImportResult {
  markdown: string | null;
  messages: Message[];
  /** Every character change made to the text, for review and tests. */
  fixes: Confusable[];
  /**
   * What the cover and title state, read even when the plan cannot be
   * imported (for the report): complete when the import succeeds, with null
   * name or period when those could not be read.
   */
  front?: CoverRead | null;
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
  const where = input instanceof Uint8Array ? textWhere : sourceWhere(input.locate);
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
  const planbook = roundTrip(decoded.text, options);
  if (planbook) return { ...planbook, fixes: [] };
  const simplified = toSimplified(decoded.text);
  if (simplified) {
    messages.push(makeMessage(file, 'warning', 'import-traditional-converted', { line: 1, column: 1 },
      `全文为繁体字，已整体转换为简体字（共 ${simplified.converted} 字，OpenCC 繁简转换）`,
      '页面、检索和清单都使用简体；请核对单位名称等专有名词的转换结果'));
  }
  const rawLines = joinQuotedCells((simplified?.text ?? decoded.text).replace(/\r\n?/g, '\n').split('\n'));
  const markup = hasMarkup(rawLines);
  const fixes: Confusable[] = [];
  const lines: Line[] = [];
  const facts: ChromeFacts = {};
  const chrome: Array<{ line: number; kind: string }> = [];
  let seenText = 0;
  rawLines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const nearTop = seenText < 40;
    const cut = chromeLine(raw, nearTop);
    if (cut) {
      chrome.push({ line: index + 1, kind: cut.kind });
      if (cut.fact && facts[cut.fact[0]] === undefined) facts[cut.fact[0]] = cut.fact[1];
      return;
    }
    seenText += 1;
    const fixed = fixConfusables(raw, index + 1);
    for (const item of fixed.fixes) fixes.push(item);
    for (const column of suspiciousColumns(fixed.text)) {
      const ch = /^[a-z]+/.exec([...fixed.text].slice(column - 1).join(''))?.[0] ?? [...fixed.text][column - 1]!;
      messages.push(makeMessage(file, 'warning', 'import-suspicious-character', { line: index + 1, column },
        `${where(index + 1, column)}的“${ch}”不像中文正文（日文假名或夹在中文里的英文单词），可能是识别错误`,
        '请对照原文核对此字，并在文本中改正后重新导入'));
    }
    if (lineArtifact(fixed.text)) return;
    const above = lines.at(-1);
    const cells = tableCells(fixed.text, above?.cells && above.line === index ? above.cells.length : 0);
    if (cells === 'separator') return;
    const { text, heading } = markup ? stripMarkup(fixed.text) : { text: fixed.text, heading: 0 };
    const trimmed = text.trim();
    if (trimmed === '') return;
    // A TAB outside a table (`中共山阳镇委员会\t文件`, a red header set as a two-column table) is a space.
    lines.push({ text: cells ? cells.join(' ') : trimmed.replace(/\t+/gu, ' '), line: index + 1, column: raw.search(/\S/) + 1, heading: heading > 0, ...(cells ? { cells } : {}) });
  });
  groupLinesInTables(lines);
  for (const fix of fixes) {
    messages.push(makeMessage(file, 'warning', 'import-confusable', fix,
      `${where(fix.line, fix.column)}：将形近字“${fix.from}”（U+${fix.from.codePointAt(0)!.toString(16).toUpperCase()}）改为“${fix.to}”`,
      '这是识别错误的常见形近字；请对照原文核对此处修改'));
  }
  if (chrome.length > 0) {
    const kinds = [...new Set(chrome.map((c) => c.kind))].join('、');
    messages.push(makeMessage(file, 'warning', 'import-web-chrome', { line: chrome[0]!.line, column: 1 },
      `去掉了 ${chrome.length} 行网页或文件信息（${kinds}，${input instanceof Uint8Array ? `第 ${chrome.map((c) => c.line).join('、')} 行` : [...new Set(chrome.map((c) => where(c.line)))].join('、')}），它们不是方案正文${facts.docNumber || facts.issuedOn || facts.issuer ? `；其中的${[facts.docNumber && '发文字号', facts.issuedOn && '成文日期', facts.issuer && '发布机构'].filter(Boolean).join('、')}用于头信息` : ''}`,
      '请核对这些行确实不属于方案；若误删了正文，请在原文中把它与网页信息分开后重新导入'));
  }
  const spaced = isLetterSpaced(lines.filter((l) => !l.cells).map((l) => l.text)); // table cells are joined by spaces
  if (spaced) {
    messages.push(makeMessage(file, 'warning', 'import-letter-spacing', { line: lines[0]?.line ?? 1, column: 1 },
      '文本的汉字之间普遍夹有空格（PDF 文字层常见），已去掉汉字之间的空格',
      '请核对正文中确需保留的空格（如英文词之间）是否仍在'));
  }
  const paragraphs: Paragraph[] = joinLines(lines).map((p) => (p.cells ? p : { ...p, text: normaliseOrdinal(joinSplitWords(tidySpaces(p.text, spaced))) }));
  const { found, rejected } = findTitle(paragraphs);
  if (!found) {
    messages.push(titleNotFound(file, rejected, where));
    return { markdown: null, messages, fixes };
  }
  const merged = paragraphs.splice(found.index, found.span);
  const titleIndex = found.index;
  paragraphs.splice(titleIndex, 0, { ...merged[0]!, text: found.text, lines: merged.flatMap((p) => p.lines) });
  const title = fixTitle(paragraphs[titleIndex]!, file);
  for (const item of title.messages) messages.push(item);
  paragraphs[titleIndex] = { ...paragraphs[titleIndex]!, text: title.text };
  for (let i = 0; i < titleIndex; i++) paragraphs[i] = { ...paragraphs[i]!, text: coverText(paragraphs[i]!.text) };
  // A page headline repeating the title before the document is not part of it.
  for (let i = titleIndex - 1; i >= 0; i--) {
    if (paragraphs[i]!.text === title.text) {
      messages.push(makeMessage(file, 'warning', 'import-web-chrome', { line: paragraphs[i]!.line, column: 1 },
        `${where(paragraphs[i]!.line)}重复了方案标题（网页标题），已去掉`, '请核对去掉的是网页标题而不是正文'));
      paragraphs.splice(i, 1);
    }
  }
  const start = paragraphs.findIndex((p) => p.text === title.text);
  const blocks = structure(paragraphs, start);
  for (const item of checkImport(blocks, lines, file, where, !(input instanceof Uint8Array))) messages.push(item);
  const cover = paragraphs.slice(0, start).map((p) => p.text);
  const body = paragraphs.slice(start + 1).filter((p) => !p.cells).map((p) => p.text);
  const cells = paragraphs.slice(start + 1).filter((p) => p.cells).map((p) => p.cells!.join(' '));
  const front = deriveFrontMatter(options.id, title.text, cover, body, facts, cells);
  for (const item of front.messages.map((m) => makeMessage(file, m.severity, m.rule, paragraphs.find((p) => p.text === m.text) ?? paragraphs[start]!, m.message, m.hint))) messages.push(item);
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  if (messages.some((m) => m.severity === 'error') || !front.value) return { markdown: null, messages, fixes, front: front.read };
  const { markdown, origin } = render(front.value, blocks);
  const verified = verifyImport(markdown, options, origin);
  for (const item of verified) messages.push(item);
  if (verified.some((m) => m.severity === 'error')) return { markdown: null, messages, fixes, front: front.read };
  return { markdown, messages, fixes, front: front.value };
}

/** `(一) 加强…` → `（一）加强…`: one bracket form for ordinals. */
function normaliseOrdinal(text: string): string {
  return text.replace(ACTION, (_, num: string) => `（${num}）`);
}

/** Cover lines that are titles or headers lose the spaces of their line breaks. */
function coverText(text: string): string {
  return /[。，；：]/.test(text) ? text : tidySpaces(text, true);
}

/**
 * A group heading on a line of its own between the rows of a TAB table
 * (`一、责任体系建设` where Word's merged group row lost its TABs): a group
 * row of the table, as `一、责任体系建设\t\t\t\t` would be, instead of a
 * section that ends the table.
 */
const GROUP_HEADING = new RegExp(`${SECTION.source}|${ACTION.source}`, 'u');

function groupLinesInTables(lines: Line[]): void {
  lines.forEach((line, i) => {
    const before = lines[i - 1]?.cells;
    const after = lines[i + 1]?.cells;
    if (line.cells || !before || !after || before.length !== after.length) return;
    if ([...line.text].length > 40 || /[。；，]/u.test(line.text) || !GROUP_HEADING.test(line.text)) return;
    line.cells = [line.text, ...Array<string>(before.length - 1).fill('')];
  });
}

/**
 * Rows copied out of Excel or WPS 表格 put a cell that holds line breaks in
 * quotes over several lines (`1\t开展…\t"区应急局（牵头）` / `区住建委"\t2025年9月底前`):
 * one row again, the breaks as spaces, `""` as `"`. The lines it took are
 * left empty, so every other line keeps its number.
 */
function joinQuotedCells(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    if (!out[i]!.includes('\t') || !opensQuote(out[i]!)) continue;
    let end = i + 1;
    let row = out[i]!;
    while (end < out.length && end - i <= 20 && opensQuote(row)) row += ` ${out[end++]}`;
    if (opensQuote(row)) continue;
    out[i] = row.split('\t').map((cell) => (/^\s*".*"\s*$/su.test(cell) ? cell.trim().slice(1, -1).replace(/""/gu, '"') : cell)).join('\t');
    for (let k = i + 1; k < end; k++) out[k] = '';
    i = end - 1;
  }
  return out;
}

/**
 * A cell opened by Excel's quote whose closing quote is not on this line yet:
 * it starts with `"`, and what follows holds no quote but doubled ones
 * (`"三合一"场所` is text with quotes in it, not a quoted cell).
 */
function opensQuote(row: string): boolean {
  return row.split('\t').some((cell) => {
    const text = cell.trim();
    return text.startsWith('"') && !text.slice(1).replace(/""/gu, '').includes('"');
  });
}
