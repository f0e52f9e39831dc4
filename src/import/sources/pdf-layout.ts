/**
 * Turns a PDF's positioned lines into the importer's text: drops running
 * headers, footers and page numbers, and re-joins the printed lines of a
 * paragraph, page breaks included.
 *
 * A header or footer is a line near the top or bottom edge that repeats at
 * the same height on many pages (digits ignored: `— 3 —`, `第3页`); a page
 * number there is dropped even when it appears once. A line continues into
 * the next when it reaches the right margin and the next starts at the left
 * margin (a paragraph's first line is indented, a heading is centred or short).
 */
import { joinCellLines, ROLE_CLOSES, TextBuilder, type SourceText } from './output.ts';
import { sameHeaderRow } from '../tables.ts';

export interface PageLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
  pageWidth: number;
  pageHeight: number;
}

export type Block =
  | { kind: 'line'; top: number; line: PageLine }
  | { kind: 'table'; top: number; rows: string[][]; above: boolean[][]; page: number };

const PAGE_NUMBER = /^(?:[—–\-－~·]*\s*\d{1,4}\s*[—–\-－~·]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$/;
/** `坚持安全第` + `一、预防为主`: a numeral that ends a word, not a heading number. */
const ORDINAL_WORD = /[第之统唯万][一二三四五六七八九十]{1,2}、?$/;
/** Starts of structure the text importer splits on; never joined onto the line above. */
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[（(]?\d{1,3}[.．、）)](?!\d)|附件)/;

export function layout(pages: Block[][]): SourceText {
  const running = runningKeys(pages);
  const chrome = (b: Block) => b.kind === 'line' && isChrome(b.line, running);
  const size = mode(pages.flat().flatMap((b) => (b.kind === 'line' && !chrome(b) ? [b.line.size] : [])), 1);
  // Footnotes are notes on the text, not plan text (Word's are left out the same way).
  const kept = pages.map((blocks) => withoutContents(withoutFootnotes(blocks, size, chrome).filter((b) => !chrome(b))));
  const lines = kept.flat().flatMap((b) => (b.kind === 'line' ? [b.line] : []));
  const left = leftMargin(lines.map((l) => l.x0));
  // The right margin: where most long lines end, but never far inside the
  // margin that mirrors the left one (lines of equal length are not all full).
  const wide = lines.filter((l) => l.x1 - l.x0 > (lines[0]?.pageWidth ?? 600) * 0.4).map((l) => l.x1);
  const right = Math.max(mode(wide, 4), (lines[0]?.pageWidth ?? 0) - left - 2 * size);
  const margins: Margins = { left, right, pitch: linePitch(lines), body: size };

  const out = new TextBuilder();
  let paragraph: Paragraph | null = null;
  let table: TableRows | null = null;
  const flushParagraph = () => paragraph && (out.line(paragraph.text, paragraph.place), (paragraph = null));
  const flushTable = () => table && (out.table(table.rows, (row) => table!.places[row - 1]!), (table = null));
  kept.forEach((blocks, index) => {
    let number = 0;
    for (const block of blocks) {
      const page = index + 1;
      if (block.kind === 'table') {
        flushParagraph();
        const more = { rows: block.rows.map((r) => [...r]), above: block.above, places: block.rows.map((_, i) => `第${page}页表格第${i + 1}行`) };
        const continued = table !== null && blocks.indexOf(block) === 0 && table.rows[0]!.length === block.rows[0]!.length;
        if (continued) {
          continueTable(table!, more);
          continue;
        }
        flushTable();
        table = more;
        continue;
      }
      flushTable();
      number++;
      const line = block.line;
      if (paragraph && continues(paragraph, line, margins)) {
        paragraph.text += /[A-Za-z0-9]$/.test(paragraph.text) && /^[A-Za-z0-9]/.test(line.text) ? ` ${line.text}` : line.text;
        paragraph.last = line;
        paragraph.wrapX ??= line.x0;
      } else {
        flushParagraph();
        paragraph = { text: line.text, first: line, last: line, wrapX: null, place: `第${page}页第${number}行` };
      }
    }
  });
  flushParagraph();
  flushTable();
  return out.build('pdf');
}

interface TableRows {
  rows: string[][];
  above: boolean[][];
  places: string[];
}

/**
 * A table going on from the page before: a repeated header row is dropped,
 * and a first row without a number where the rows have numbers (`序号`), or
 * with an empty first cell, is the rest of the row a page break split, so its
 * cells are appended to that row's cells. A row with text in its first cell
 * only (a group or note row merged across the table) is never such a rest.
 *
 * A cell merged down over rows keeps its text on the page where it starts:
 * on the next page it is a merged cell without text. Such a cell at the top
 * of the page takes the text above it when it spans two rows or more, or
 * when the cell above was itself merged down to the page's end.
 */
function continueTable(table: TableRows, more: TableRows): void {
  const { rows } = table;
  const skip = sameHeaderRow(rows[0]!, more.rows[0]!) ? 1 : 0;
  const added = more.rows.slice(skip);
  const above = more.above.slice(skip);
  const places = more.places.slice(skip);
  if (added.length === 0) return;
  const last = rows.at(-1)!;
  const lastAbove = table.above.at(-1) ?? [];
  const key = numberColumn(rows) ?? 0;
  const [split] = added;
  const rest = rows.length > 1 && split![key] === '' && last[key] !== '' && split!.slice(1).some(Boolean);
  last.forEach((text, c) => {
    if (text === '' || added[0]![c] !== '') return;
    let span = 1;
    while (span < added.length && above[span]?.[c] && added[span]![c] === '') span++;
    if (span >= 2 || lastAbove[c]) for (let i = rest ? 1 : 0; i < span; i++) added[i]![c] = text;
  });
  if (rest) {
    rows[rows.length - 1] = last.map((cell, i) => joinCellLines([cell, split![i] ?? ''], ROLE_CLOSES.test(cell)));
    table.above[rows.length - 1] = lastAbove.map((a, i) => a || Boolean(above[0]?.[i]));
    added.shift();
    above.shift();
    places.shift();
  }
  rows.push(...added);
  table.above.push(...above);
  table.places.push(...places);
}

/** The column that numbers the rows (`序号`): digits in most rows below the header. */
function numberColumn(rows: string[][]): number | null {
  const body = rows.slice(1);
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    if (body.filter((r) => /^\d{1,3}$/.test(r[c]!.trim())).length * 2 > body.length) return c;
  }
  return null;
}

interface Margins {
  left: number;
  right: number;
  pitch: number; // usual baseline distance, 0 when unclear
  body: number; // the body text's font size
}

interface Paragraph {
  text: string;
  first: PageLine;
  last: PageLine;
  /** Where its wrapped lines start, once known. */
  wrapX: number | null;
  place: string;
}

function continues(p: Paragraph, b: PageLine, margins: Margins): boolean {
  const { left, right, pitch } = margins;
  const a = p.last;
  const size = Math.max(a.size, b.size);
  if (Math.abs(a.size - b.size) > 1) return false;
  if (wrappedTitle(a, b, margins)) return a.page === b.page && a.y - b.y <= size * 2;
  if (a.x1 < right - size * 1.5) return false; // a short line ends its paragraph
  if ((STARTS_ITEM.test(b.text) && !ORDINAL_WORD.test(a.text + b.text.slice(0, 2))) || b.x0 < left - size * 2) return false;
  if (p.wrapX !== null) {
    if (Math.abs(b.x0 - p.wrapX) > size * 0.5) return false;
  } else if (b.x0 > left + size * 0.5) {
    // Indented or centred: a new paragraph, unless it is a list item's hanging indent
    // (`1.` at the margin, its wrapped lines under the text after the number).
    const hanging = STARTS_ITEM.test(p.first.text) && b.x0 > p.first.x0 && b.x0 <= p.first.x0 + size * 4;
    if (!hanging) return false;
  }
  // Space between paragraphs, when the layout has it, also ends one.
  if (a.page === b.page) return a.y - b.y <= (pitch > 0 ? pitch * 1.35 : size * 2.4);
  return b.page === a.page + 1;
}

/**
 * A title in large type that wraps: its first line fills the width, centred,
 * and the rest is centred below it (`…治本攻坚三` / `年行动工作方案`).
 */
function wrappedTitle(a: PageLine, b: PageLine, { left, right, body }: Margins): boolean {
  const centred = (l: PageLine) => Math.abs((l.x0 + l.x1) / 2 - (left + right) / 2) < l.size;
  return a.size >= body * 1.2 && centred(a) && centred(b) && a.x1 >= right - a.size * 1.5 && b.x1 < right - b.size;
}

/** Text and height keys of lines near the top or bottom edge that repeat on many pages. */
function runningKeys(pages: Block[][]): Set<string> {
  const seen = new Map<string, Set<number>>();
  for (const blocks of pages) {
    for (const block of blocks) {
      if (block.kind !== 'line' || !nearEdge(block.line)) continue;
      const key = keyOf(block.line);
      seen.set(key, (seen.get(key) ?? new Set()).add(block.line.page));
    }
  }
  const need = Math.max(2, Math.ceil(pages.length * 0.4));
  return new Set([...seen].filter(([, on]) => on.size >= need).map(([key]) => key));
}

/**
 * A page's footnotes: the lines that close it in a smaller type than the
 * body's, from one that starts with a note's number (`1`, `①`, `*`).
 */
function withoutFootnotes(blocks: Block[], body: number, chrome: (b: Block) => boolean): Block[] {
  let from = blocks.length;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    // The footer below the notes is passed over; a note's number near the edge may look like a page number.
    if (block.kind === 'line' && block.line.size <= body * 0.85) from = i;
    else if (!chrome(block)) break;
  }
  const first = blocks.slice(from).findIndex((b) => b.kind === 'line' && FOOTNOTE.test(b.line.text));
  return first < 0 ? blocks : blocks.slice(0, from + first);
}

/** `一、总体要求……………2`: an entry of a table of contents, a dot leader then its page. */
const CONTENTS_ENTRY = /(?:[.．…·•]\s*){4,}\d{1,3}$/u;

/** A page's table of contents (its entries and its `目录` heading) repeats the headings: not plan text. */
function withoutContents(blocks: Block[]): Block[] {
  if (!blocks.some((b) => b.kind === 'line' && CONTENTS_ENTRY.test(b.line.text))) return blocks;
  return blocks.filter((b) => b.kind !== 'line' || !(CONTENTS_ENTRY.test(b.line.text) || /^目\s*录$/u.test(b.line.text)));
}

const FOOTNOTE = /^(?:\d{1,2}(?![\d.．、年月日])|[\u2460-\u2473]|\*)/u;

function isChrome(line: PageLine, running: Set<string>): boolean {
  if (!nearEdge(line)) return false;
  return running.has(keyOf(line)) || PAGE_NUMBER.test(line.text.replace(/\s+/g, ''));
}

function nearEdge(line: PageLine): boolean {
  return line.y > line.pageHeight * 0.85 || line.y < line.pageHeight * 0.15;
}

function keyOf(line: PageLine): string {
  return `${Math.round(line.y / 6)}|${line.text.replace(/\s+/g, '').replace(/\d+/g, '#')}`;
}

/** The usual distance between consecutive baselines on a page, or 0 when unclear. */
function linePitch(lines: PageLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.page === b.page && Math.abs(a.size - b.size) < 0.5 && a.y > b.y) gaps.push(a.y - b.y);
  }
  return gaps.length >= 5 ? mode(gaps, 1) : 0;
}

/** The most common value, in buckets of `step` points. */
function mode(values: number[], step: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v / step) * step, (counts.get(Math.round(v / step) * step) ?? 0) + 1);
  let best = 0;
  let most = -1;
  for (const [v, n] of counts) if (n > most || (n === most && v > best)) (best = v), (most = n);
  return best;
}

/**
 * Where wrapped lines start: the leftmost start shared by several lines
 * (first lines are indented, so the most common start may be the indent).
 */
function leftMargin(starts: number[]): number {
  const counts = new Map<number, number>();
  for (const x of starts) counts.set(Math.round(x / 2) * 2, (counts.get(Math.round(x / 2) * 2) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(starts.length * 0.03));
  const shared = [...counts].filter(([, n]) => n >= need).map(([x]) => x);
  return shared.length > 0 ? Math.min(...shared) : mode(starts, 2);
}
