/**
 * Differences of one task against the baseline task of its row: a word diff
 * of the text (words come from the caller: jieba tokens on the server, the
 * same tokens shipped to the browser), and separately the deadline phrases
 * and units one has and the other lacks. Runs in Node and in the browser.
 */
import * as sequences from '@jest/diff-sequences';

type DiffSequences = (aLength: number, bLength: number, isCommon: (a: number, b: number) => boolean, found: (n: number, a: number, b: number) => void) => void;
// The package's types describe its CommonJS build; its ES build has the function as `default`
// (one level deeper when a loader wraps the CommonJS build instead).
const exported = (sequences as { default: unknown }).default;
const diffSequences = (typeof exported === 'function' ? exported : (exported as { default: unknown }).default) as DiffSequences;

export interface DiffPart {
  kind: 'same' | 'added' | 'dropped';
  text: string;
}

/**
 * A longest common subsequence of the two word lists (Jest's linear-space
 * Myers diff); between two common runs, what `base` had comes before what
 * `other` has instead. Adjacent parts of one kind are merged.
 */
export function diffWords(base: string[], other: string[]): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], words: string[]) => {
    if (words.length === 0) return;
    const text = words.join('');
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  diffSequences(
    base.length,
    other.length,
    (a, b) => base[a] === other[b],
    (n, a, b) => {
      push('dropped', base.slice(i, a));
      push('added', other.slice(j, b));
      push('same', base.slice(a, a + n));
      i = a + n;
      j = b + n;
    },
  );
  push('dropped', base.slice(i));
  push('added', other.slice(j));
  return parts;
}

/** What `other` has that `base` lacks (added) and the reverse (dropped). */
export function setDiff(base: string[], other: string[]): { added: string[]; dropped: string[] } {
  const b = new Set(base);
  const o = new Set(other);
  return { added: [...o].filter((x) => !b.has(x)), dropped: [...b].filter((x) => !o.has(x)) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The word diff as HTML: <ins> for added, <del> for dropped, with text labels for screen readers and print. */
export function diffHtml(parts: DiffPart[]): string {
  return parts
    .map((p) =>
      p.kind === 'same'
        ? escapeHtml(p.text)
        : p.kind === 'added'
          ? `<ins><span class="visually-hidden">［增］</span>${escapeHtml(p.text)}</ins>`
          : `<del><span class="visually-hidden">［删］</span>${escapeHtml(p.text)}</del>`,
    )
    .join('')
    .replace(/\n/g, '<br>');
}

/** The deadline and unit differences as HTML list items (empty when there are none). */
export function deltaHtml(deadlines: { added: string[]; dropped: string[] }, units: { added: string[]; dropped: string[] }): string {
  const item = (label: string, cls: string, values: string[]) =>
    values.length ? `<li class="${cls}">${label}：${values.map(escapeHtml).join('、')}</li>` : '';
  return [
    item('时限不同（本方案有）', 'delta-added', deadlines.added),
    item('时限不同（基准有）', 'delta-dropped', deadlines.dropped),
    item('单位不同（本方案有）', 'delta-added', units.added),
    item('单位不同（基准有）', 'delta-dropped', units.dropped),
  ].join('');
}
