/**
 * Breaks rich text into lines that fit a width, by character, with the
 * Chinese line-breaking rules (禁则): no line starts with closing punctuation
 * such as ，。）》 and no line ends with opening punctuation such as （《.
 * Runs of digits and Latin letters (2024, GB30871, 3.5) stay on one line when
 * they fit; runs of …… or —— are never split.
 */

export interface Run {
  text: string;
  bold: boolean;
}

/** Width of `text` in points, in the regular or bold face. */
export type Measure = (text: string, bold: boolean) => number;

/** Characters a line must not start with. */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』”’…〕】〉］｝,.;:?!)]}%％']);
/** Characters a line must not end with. */
export const NO_LINE_END = new Set([...'（《「『“‘〔【〈［｛([{']);

interface Atom {
  text: string;
  bold: boolean;
  width: number;
}

const ATOM = /[A-Za-z0-9](?:[A-Za-z0-9.%\-/:]*[A-Za-z0-9%])?|…+|—+|./gsu;

/** Splits runs into lines; `\n` in a run starts a new paragraph line. */
export function breakLines(runs: Run[], width: number, measure: Measure): Run[][] {
  const lines: Run[][] = [];
  for (const paragraph of paragraphs(runs)) {
    const atoms = paragraph.flatMap((run) =>
      (run.text.match(ATOM) ?? []).map((text) => ({ text, bold: run.bold, width: measure(text, run.bold) })),
    );
    for (const line of breakParagraph(atoms, width, measure)) lines.push(merge(line));
  }
  return lines;
}

function paragraphs(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((text, i) => {
      if (i > 0) out.push([]);
      if (text) out[out.length - 1]!.push({ text, bold: run.bold });
    });
  }
  return out.filter((p) => p.length > 0);
}

function breakParagraph(atoms: Atom[], width: number, measure: Measure): Atom[][] {
  const lines: Atom[][] = [];
  let start = 0;
  while (start < atoms.length) {
    // A continuation line does not start with blank space.
    if (lines.length > 0 && atoms[start]!.text.trim() === '') {
      start++;
      continue;
    }
    let end = start;
    let used = 0;
    while (end < atoms.length && used + atoms[end]!.width <= width) used += atoms[end++]!.width;
    if (end === atoms.length) {
      lines.push(atoms.slice(start));
      break;
    }
    if (end === start) {
      // One atom wider than the line: break it into characters.
      const atom = atoms[start]!;
      const chars = [...atom.text].map((text) => ({ text, bold: atom.bold, width: measure(text, atom.bold) }));
      if (chars.length === 1) end = start + 1; // a single glyph wider than the column: let it overflow
      else {
        atoms.splice(start, 1, ...chars);
        continue;
      }
    } else {
      let cut = end;
      while (cut > start + 1 && forbidden(atoms[cut - 1]!, atoms[cut]!)) cut--;
      if (!forbidden(atoms[cut - 1]!, atoms[cut]!)) end = cut;
    }
    lines.push(atoms.slice(start, end));
    start = end;
  }
  return lines;
}

function forbidden(last: Atom, next: Atom): boolean {
  return NO_LINE_START.has(next.text[0]!) || NO_LINE_END.has(last.text.at(-1)!);
}

function merge(atoms: Atom[]): Run[] {
  const runs: Run[] = [];
  for (const atom of atoms) {
    const prev = runs.at(-1);
    if (prev && prev.bold === atom.bold) prev.text += atom.text;
    else runs.push({ text: atom.text, bold: atom.bold });
  }
  return runs;
}
