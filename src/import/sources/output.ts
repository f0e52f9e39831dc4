/**
 * The text an office reader hands the text importer, with where each line
 * came from: one paragraph per line; a table as one line per row, cells
 * separated by TAB, with a blank line before and after.
 */
import { UNIT_END } from '../../parse/unit-names.ts';

export interface SourceText {
  kind: 'docx' | 'pdf';
  text: string;
  /** Where line `line` (1-based) of `text` is in the original: `第3页第12行`, `第42段`. */
  locate(line: number): string;
}

export class TextBuilder {
  private readonly lines: string[] = [];
  private readonly places: string[] = [];

  line(text: string, place: string): void {
    this.lines.push(text);
    this.places.push(place);
  }

  /** A blank line, unless the text already ends with one (or is empty). */
  blank(): void {
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.line('', this.places.at(-1)!);
  }

  table(rows: string[][], place: (row: number) => string): void {
    this.blank();
    rows.forEach((cells, i) => this.line(cells.join('\t'), place(i + 1)));
    this.blank();
  }

  build(kind: SourceText['kind']): SourceText {
    const places = this.places;
    return { kind, text: `${this.lines.join('\n')}\n`, locate: (line) => places[Math.min(Math.max(line, 1), places.length) - 1] ?? '' };
  }
}

/**
 * A cell's lines joined: no space after CJK text or punctuation, one space
 * between Latin words. A Word cell's `paragraphs` are its author's own
 * breaks: there a space also keeps items apart (`newItem`); a PDF's lines
 * break wherever the cell is full (`镇各相关部` / `门`), so they are not.
 */
export function joinCellLines(lines: string[], paragraphs = false): string {
  return lines
    .map((l) => l.replace(/[\t\r\n]+/g, ' ').trim())
    .filter(Boolean)
    .reduce((out, l) => (out === '' ? l : (/[\x21-\x7e]$/.test(out) && /^[\x21-\x7e]/.test(l)) || (paragraphs && newItem(out, l)) ? `${out} ${l}` : out + l), '');
}

/** `镇应急办（牵头）`: a unit and its role in brackets, which ends an item of a cell however full its line. */
export const ROLE_CLOSES = /[（(](?:牵头|配合|负责|主责|协办|参与)[）)]$/u;

/**
 * A cell's next line is an item of its own, kept apart by a space, when the
 * text so far ends one (a unit name, a bracket: `镇规建办（牵头）`, `2025年6月底前（排查）`)
 * and the line starts one (a Chinese word, a label `配合：`, a number `2.`);
 * otherwise it is the same sentence wrapped.
 */
function newItem(out: string, line: string): boolean {
  if (/^(?:牵头|配合|责任|协办|参与|负责)(?:单位|部门)?[：:]|^\d{1,2}\s*[.．、）)]/u.test(line)) return true;
  return (UNIT_END.test(out) || /[）)]$/u.test(out)) && /^[\u4e00-\u9fff（(]/u.test(line);
}
