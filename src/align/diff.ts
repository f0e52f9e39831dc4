/**
 * Differences of one task against the baseline task of its row: a word diff
 * of the text (words come from the caller: jieba tokens on the server, the
 * same tokens shipped to the browser), and separately the deadline phrases
 * and units one has and the other lacks. Runs in Node and in the browser.
 */
import { diffArrays } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'dropped';
  text: string;
}

export function diffWords(base: string[], other: string[]): DiffPart[] {
  return diffArrays(base, other).map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'dropped' : 'same',
    text: c.value.join(''),
  }));
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
