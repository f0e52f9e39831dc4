/**
 * Table rows in extracted text: cells separated by TAB (a table copied out of
 * Word or WPS) or written `| a | b |` (a web or Markdown copy).
 *
 * ```text
 * 1\t道路运输安全整治\t严格…闭环处置。\t区交通委\t区公安分局交警支队\t2024年12月31日前
 *   → ['1', '道路运输安全整治', '严格…闭环处置。', '区交通委', '区公安分局交警支队', '2024年12月31日前']
 * 2\t\t推动重型货车…\t区交通委\t区运管署\t2025年底前   → the empty cell is kept (same as above)
 * | 一、安全责任落实 | | | |                           → ['一、安全责任落实', '', '', ''] (a group row)
 * | --- | :---: |                                     → 'separator'
 * ```
 * A line with fewer than three cells is text (an indented paragraph, a
 * `发布机构：\t…` pair), never a table. A row with one filled cell (a group
 * or note row merged across the table) is a row only right below a row of
 * the same width (`width`).
 */
export function tableCells(line: string, width = 0): string[] | 'separator' | null {
  const text = line.replace(/[ \r\n\u3000]+$/u, '');
  if (/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$/u.test(text)) return 'separator';
  let cells: string[] | null = null;
  const piped = /^\s*\|.*\|$/u.test(text);
  if (piped) cells = text.trim().slice(1, -1).split(/(?<!\\)\|/u).map((c) => c.replace(/\\\|/gu, '|'));
  else if (text.includes('\t')) cells = text.replace(/^[ \u3000]+/u, '').split('\t');
  if (!cells) return null;
  const tidy = cells.map((c) => c.replace(/[\s\u3000]+/gu, ' ').trim());
  const filled = tidy.filter((c) => c !== '').length;
  // `| 一、安全责任落实 | | | |` or `一、安全责任落实\t\t\t\t`: a group row names only its first cell;
  // right below a row of its width, any row with one filled cell is one (merged across a Word table).
  const groupRow = filled === 1 && ((tidy[0] !== '' && (piped || tidy.length >= 4)) || tidy.length === width);
  return tidy.length >= 3 && (filled >= 2 || groupRow) ? tidy : null;
}

/**
 * A table's header row again (a table printed over several pages, or one
 * table per section run together): the same cells, spaces aside (`序 号` in
 * one, `序号` in another), or one cell cut short in the other (`完成时` in a
 * PDF whose column clipped `完成时限`).
 */
export function sameHeaderRow(a: string[], b: string[]): boolean {
  const tidy = (row: string[]) => row.map((cell) => cell.replace(/[\s\u3000]+/gu, ''));
  const [x, y] = [tidy(a), tidy(b)];
  const width = Math.max(x.length, y.length);
  return Array.from({ length: width }, (_, i) => [x[i] ?? '', y[i] ?? ''] as const).every(([p, q]) =>
    p === q || (p !== '' && q !== '' && (p.startsWith(q) || q.startsWith(p))),
  );
}
