/**
 * Re-joins hard-wrapped lines and paragraphs split by page breaks.
 *
 * Two layouts occur: one paragraph per line (page breaks split a paragraph
 * into two lines), and one printed line per line (every paragraph spread over
 * many lines of nearly equal width). A line continues into the next unless it
 * ends a sentence, is a heading or cover line, or the next starts a heading or
 * numbered item; in the printed-line layout only a short line ends a paragraph.
 */
import { ACTION, SECTION, FINAL, continuesTitle, isStandalone, isTitleLike, startsStructure, unbalanced, DATE } from './markers.ts';

export interface Line {
  text: string; // trimmed, markup stripped
  line: number; // 1-based line in the raw input
  column: number; // 1-based column of the first kept character
  heading: boolean; // the raw line was a Markdown heading
  cells?: string[]; // a table row (TAB-separated or `| a | b |`)
}

export interface Paragraph {
  text: string;
  line: number;
  column: number;
  heading: boolean;
  lines: number[]; // raw lines joined into this paragraph
  cells?: string[];
}

/** `牵头单位：…`, `完成时限：…`, `【牵头单位】…`: a label line stands alone. */
export const LABEL_LINE = /^(?:[【\[]\s*)?(?:牵头|责任|主责|配合|协办|参与|协助)?(?:单位|部门|科室)\s*[】\]:：]|^(?:[【\[]\s*)?(?:完成时限|完成时间|时间节点|时限要求|具体内容|工作内容|主要内容|具体措施|工作措施|任务内容|责任领导|责任人)\s*[】\]:：]/;

export function joinLines(lines: Line[]): Paragraph[] {
  const wrapped = fullWidth(lines);
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let previous: Line | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (current && previous && continues(previous, line, current.text, wrapped, next)) {
      current.text += line.text;
      current.lines.push(line.line);
    } else {
      current = { text: line.text, line: line.line, column: line.column, heading: line.heading, lines: [line.line], ...(line.cells ? { cells: line.cells } : {}) };
      out.push(current);
    }
    previous = line;
  }
  return out;
}

function continues(a: Line, b: Line, sofar: string, wrapped: number | null, afterB: Line | undefined): boolean {
  if (a.heading || b.heading || a.cells || b.cells) return false;
  if (b.text === sofar) return false; // a page headline repeating the title below it
  if (LABEL_LINE.test(b.text)) return /[（(〔【\[][^）)〕】\]]*$/.test(sofar); // `（牵头单位：A；` wrapped before `责任单位：B）`
  if (LABEL_LINE.test(sofar)) return wrapped !== null && width(a.text) >= wrapped - 2; // a label line wrapped in print
  const tiny = [...b.text].length <= 3 && !FINAL.test(b.text);
  if (startsStructure(b.text) || isStandalone(b.text)) return false;
  if (isStandalone(a.text)) return tiny && /^附件/.test(a.text) && !/^附\s*件\s*\d{0,2}$/.test(b.text); // `附件：…任务` / `清单`
  // `祁阳市人民政府办公室` / `关于印发《…》的通知`: the issuer opens the notice title.
  if (/^关于(?:印发|转发|下发)/.test(b.text) && sofar === a.text && /^[\u4e00-\u9fff（）()]{4,30}$/.test(a.text) && /(?:政府|办公室|委员会|办事处|局|委|办|厅|部)$/.test(a.text)) return true;
  if (afterB && DATE.test(afterB.text) && !/[，。；、]/.test(b.text)) return false; // signature above a date
  if (isTitleLike(sofar)) return continuesTitle(b.text);
  if (continuesTitle(b.text) && /三年行动$/.test(sofar)) return true;
  if (unbalanced(sofar)) return true;
  // A paragraph's first printed line is indented by two characters.
  const indent = sofar === a.text ? 4 : 0;
  const short = wrapped !== null && width(a.text) < wrapped - 6 - indent;
  if (headingLike(sofar) && (wrapped === null || short)) return false;
  if (FINAL.test(a.text)) return wrapped !== null && !short;
  if (tiny) return true; // a wrapped tail word: `清单`
  if (wrapped !== null) return !short;
  return [...a.text].length >= 20 || /[，、；]/.test(a.text);
}

/** `一、总体要求`, `（一）开展…行动`: short, no sentence inside. */
function headingLike(text: string): boolean {
  return (SECTION.test(text) || ACTION.test(text)) && [...text].length <= 40 && !/[。；，]./.test(text);
}

/** Display width: ASCII and Latin count 1; CJK, quotes and full-width forms 2. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x1100 ? 1 : 2;
  return w;
}

/**
 * The printed line width when most lines share it (a hard-wrapped PDF
 * extraction), else null (one paragraph per line).
 */
function fullWidth(lines: Line[]): number | null {
  if (lines.length < 20) return null;
  const widths = lines.map((l) => width(l.text)).sort((x, y) => x - y);
  const p80 = widths[Math.floor(widths.length * 0.8)]!;
  const near = widths.filter((w) => w >= p80 - 8 && w <= p80 + 2).length;
  return p80 <= 80 && near >= lines.length * 0.5 ? p80 : null;
}
