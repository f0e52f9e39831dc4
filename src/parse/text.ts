/**
 * Plain text of mdast nodes as readers see it: emphasis markers dropped,
 * raw HTML kept literally (it is shown as text, never rendered).
 */
import type { Nodes } from 'mdast';

/** Concatenated text of a node; `html` and `code` values are kept as written. */
export function nodeText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'html' || node.type === 'inlineCode' || node.type === 'code') {
    return node.value;
  }
  if (node.type === 'break') return '\n';
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('children' in node) return node.children.map((child) => nodeText(child as Nodes)).join('');
  return '';
}

/** `（一）` / `(一)` at the start of a heading: an action ordinal. */
export const ORDINAL = /^\s*[（(]\s*([一二三四五六七八九十百零〇]+)\s*[）)]\s*/;

/** Trailing sentence punctuation a title is stored without. */
export function stripEndPunctuation(text: string): string {
  return text.replace(/[\s。．.，,；;：:！!？?、]+$/u, '').trim();
}

/**
 * Text of a block with soft line breaks joined the way the reader sees them:
 * no space between CJK characters, one space between Latin words.
 */
export function flowText(node: Nodes): string {
  // The lookbehind starts a match only at the start of a run of spaces, so a
  // long run without a line break is scanned once, not once per space.
  return nodeText(node).replace(/(?<![ \t])[ \t]*\n[ \t]*(?=\S)/g, (match, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + match.length] ?? '';
    return /[A-Za-z0-9,.;:]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}
