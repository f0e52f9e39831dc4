/**
 * Ruled tables on a PDF page, rebuilt into rows and cells from the rules the
 * page draws: rules that touch form a grid; a missing rule inside the grid is
 * a merged cell. Cell texts follow the Word reader's convention: a vertically
 * merged cell is filled down, a horizontally merged one keeps its text in its
 * first column and leaves the others empty. Tables without vertical rules
 * (three-line tables) are not recognised: their rows stay text lines.
 */
import { joinCellLines, ROLE_CLOSES } from './output.ts';
import type { Rule } from './pdf-rules.ts';

export interface Item {
  text: string;
  x: number;
  y: number; // baseline, page space (y grows upwards)
  width: number;
  size: number;
}

export interface Table {
  top: number;
  bottom: number;
  rows: string[][];
  /** Per row and column: the cell is one merged cell with the cell above it (no rule between). */
  above: boolean[][];
  items: Set<Item>;
}

const TOL = 2;

export function findTables(rules: Rule[], items: Item[]): Table[] {
  return groups(rules)
    .map((group) => grid(group, items))
    .filter((t): t is Table => t !== null);
}

/** Rules that touch each other, as connected groups. */
function groups(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  rules.forEach((a, i) =>
    rules.forEach((b, j) => {
      if (j > i && a.horizontal !== b.horizontal && touches(a.horizontal ? a : b, a.horizontal ? b : a)) parent[find(i)] = find(j);
    }),
  );
  const out = new Map<number, Rule[]>();
  rules.forEach((r, i) => out.set(find(i), [...(out.get(find(i)) ?? []), r]));
  return [...out.values()];
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;
}

function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v - sorted[i - 1]! > TOL);
}

function covered(rules: Rule[], at: number, point: number): boolean {
  return rules.some((r) => Math.abs(r.at - at) <= TOL && r.from - TOL <= point && point <= r.to + TOL);
}

function grid(rules: Rule[], items: Item[]): Table | null {
  const hs = rules.filter((r) => r.horizontal);
  const vs = rules.filter((r) => !r.horizontal);
  const ys = distinct(hs.map((r) => r.at)).reverse(); // top to bottom
  const xs = distinct(vs.map((r) => r.at));
  if (ys.length < 2 || xs.length < 3) return null; // a box or a single rule is not a table
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const id = (r: number, c: number) => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const midY = (ys[r]! + ys[r + 1]!) / 2;
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < nc && !covered(vs, xs[c + 1]!, midY)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < nr && !covered(hs, ys[r + 1]!, midX)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const inside = new Set<Item>();
  const texts = new Map<number, Item[]>();
  const column = (at: number) => xs.findIndex((x, i) => i < nc && at >= x && at < xs[i + 1]!);
  for (const item of items) {
    const cx = item.x + item.width / 2;
    const cy = item.y + item.size * 0.3;
    // A glyph that overflows the table's right rule (a date too wide for its column: `2025年3月`, the 月 on
    // the rule) belongs to the cell it starts in, not to the text after the table.
    const c = cx >= xs[nc]! && item.x < xs[nc]! ? nc - 1 : column(cx);
    const r = ys.findIndex((y, i) => i < nr && cy <= y && cy > ys[i + 1]!);
    if (r < 0 || c < 0) continue;
    inside.add(item);
    const key = find(id(r, c));
    texts.set(key, [...(texts.get(key) ?? []), item]);
  }
  if (inside.size === 0) return null;
  const rows: string[][] = [];
  const above: boolean[][] = [];
  for (let r = 0; r < nr; r++) {
    const row: string[] = [];
    for (let c = 0; c < nc; c++) {
      const key = find(id(r, c));
      const first = c === 0 || find(id(r, c - 1)) !== key;
      let last = c;
      while (last + 1 < nc && find(id(r, last + 1)) === key) last += 1;
      row.push(first ? cellText(texts.get(key) ?? [], xs[last + 1]!) : '');
    }
    if (!row.some(Boolean)) continue;
    rows.push(row);
    above.push(row.map((_, c) => r > 0 && find(id(r - 1, c)) === find(id(r, c))));
  }
  return { top: ys[0]!, bottom: ys.at(-1)!, rows, above, items: inside };
}

/**
 * A cell's items in reading order, line by line. A line that stops short of
 * the cell's right rule (`right`) ends a paragraph of the cell (one unit per
 * line); one that fills the cell wraps on into the next (`镇各相关部` / `门`).
 */
function cellText(items: Item[], right: number): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) <= item.size * 0.4) line.push(item);
    else lines.push([item]);
  }
  const paragraphs: string[] = [];
  let open = false;
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    const text = line.map((i) => i.text).join('');
    const end = Math.max(...line.map((i) => i.x + i.width));
    const size = Math.max(...line.map((i) => i.size));
    if (open) paragraphs[paragraphs.length - 1] = joinCellLines([paragraphs.at(-1)!, text]);
    else paragraphs.push(text);
    // A unit's role in brackets (`镇应急办（牵头）`) ends its item however full the line.
    open = end >= right - size * 1.8 && !ROLE_CLOSES.test(text);
  }
  return joinCellLines(paragraphs, true);
}
