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
 * `发布机构：\t…` pair), never a table.
 */
export function tableCells(line: string): string[] | 'separator' | null {
  const text = line.replace(/[ \r\n\u3000]+$/u, '');
  if (/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$/u.test(text)) return 'separator';
  let cells: string[] | null = null;
  const piped = /^\s*\|.*\|$/u.test(text);
  if (piped) cells = text.trim().slice(1, -1).split(/(?<!\\)\|/u).map((c) => c.replace(/\\\|/gu, '|'));
  else if (text.includes('\t')) cells = text.replace(/^[ \u3000]+/u, '').split('\t');
  if (!cells) return null;
  const tidy = cells.map((c) => c.replace(/[\s\u3000]+/gu, ' ').trim());
  const filled = tidy.filter((c) => c !== '').length;
  // `| 一、安全责任落实 | | | |` or `一、安全责任落实\t\t\t\t`: a group row names only its first cell.
  const groupRow = filled === 1 && tidy[0] !== '' && (piped || tidy.length >= 4);
  return tidy.length >= 3 && (filled >= 2 || groupRow) ? tidy : null;
}
