/**
 * The straight horizontal and vertical lines a PDF page draws (table rules),
 * in page space, from pdf.js's operator list: every path segment of a stroke
 * or fill, transformed by the current matrix. Curves are ignored.
 */
import type { PDFPageProxy } from 'pdfjs-dist';

export interface Rule {
  horizontal: boolean;
  at: number; // y of a horizontal rule, x of a vertical one
  from: number;
  to: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const MIN_LENGTH = 3;

export async function pageRules(page: PDFPageProxy, ops: Record<string, number>): Promise<Rule[]> {
  const list = await page.getOperatorList();
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm = IDENTITY;
  list.fnArray.forEach((fn: number, i: number) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === ops.constructPath) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data && args[0] !== ops.endPath) rules.push(...segments(data, ctm));
    }
  });
  return rules;
}

/** Straight axis-parallel segments of a path buffer (pdf.js DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function segments(data: ArrayLike<number>, ctm: Matrix): Rule[] {
  const out: Rule[] = [];
  let x = 0, y = 0, sx = 0, sy = 0;
  const line = (x1: number, y1: number) => {
    const [ax, ay] = apply(ctm, x, y);
    const [bx, by] = apply(ctm, x1, y1);
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_LENGTH) out.push({ horizontal: true, at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_LENGTH) out.push({ horizontal: false, at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
    x = x1;
    y = y1;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) (x = sx = data[i++]!), (y = sy = data[i++]!);
    else if (op === 1) line(data[i++]!, data[i++]!);
    else if (op === 2) (i += 4), (x = data[i++]!), (y = data[i++]!);
    else if (op === 3) (i += 2), (x = data[i++]!), (y = data[i++]!);
    else if (op === 4) line(sx, sy);
    else break;
  }
  return out;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
