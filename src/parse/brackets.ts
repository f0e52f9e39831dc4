/**
 * Finds the top-level bracketed spans of a text, and the brackets that do
 * not pair up.
 *
 * ```text
 * 严禁……生产经营。[市自然资源局和各乡镇(街道)分别负责]。
 *   → span { open: 9, close: 29, inner: '市自然资源局和各乡镇(街道)分别负责' }
 * ```
 * `（` and `(` close each other, as do `[`, `【` and `［`: extracted text
 * mixes full- and half-width forms. `〔…〕` holds document numbers and, in
 * some plans, units (`〔责任单位：区应急局牵头，……〕`). A `1）` or `a)` that
 * starts a line numbers a sub-point and closes nothing.
 */
export interface Span {
  open: number;
  /** Index of the closing bracket; the text length when it is missing. */
  close: number;
  inner: string;
}

const OPEN: Record<string, string> = { '（': 'round', '(': 'round', '〔': 'tortoise', '[': 'square', '【': 'square', '［': 'square' };
const CLOSE: Record<string, string> = { '）': 'round', ')': 'round', '〕': 'tortoise', ']': 'square', '】': 'square', '］': 'square' };

const LIST_MARKER = /\n[ \t\u3000]{0,4}(?:\d{1,3}|[A-Za-z])$/u;

export function scanBrackets(text: string): { spans: Span[]; unbalanced: number[] } {
  const spans: Span[] = [];
  const unbalanced: number[] = [];
  const stack: Array<{ at: number; kind: string }> = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    const opens = OPEN[char];
    const closes = CLOSE[char];
    if (opens) stack.push({ at: i, kind: opens });
    if (!closes || LIST_MARKER.test(i < 8 ? `\n${text.slice(0, i)}` : text.slice(i - 8, i))) continue;
    const top = stack.pop();
    if (!top) {
      unbalanced.push(i);
      continue;
    }
    if (top.kind !== closes) unbalanced.push(i);
    if (stack.length === 0) spans.push({ open: top.at, close: i, inner: text.slice(top.at + 1, i) });
  }
  for (const item of stack.map((entry) => entry.at)) unbalanced.push(item);
  // An opener never closed keeps what follows it as its span, so a unit
  // parenthesis that lost its closer still names its units (with a warning).
  const outer = stack[0];
  if (outer) spans.push({ open: outer.at, close: text.length, inner: text.slice(outer.at + 1).replace(/[。；;\s]+$/u, '') });
  return { spans, unbalanced: unbalanced.sort((a, b) => a - b) };
}
