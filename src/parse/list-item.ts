/**
 * Reads one ordered-list item as a task: its number as written, its
 * paragraphs, and its `**lead**` phrase.
 *
 * ```markdown
 * 14. **深化城镇燃气专项治理**。深化……
 *
 *     A second paragraph.
 * ```
 * → number 14, paragraphs ['深化城镇燃气专项治理。深化……', 'A second paragraph.'], marked '深化城镇燃气专项治理'.
 */
import type { List, ListItem } from 'mdast';
import { flowText, nodeText, stripEndPunctuation } from './text.ts';

/** The number as written in the source (`14.` → 14, `007.` → 7), never the list's own count. */
export function readNumber(source: string, item: ListItem): { value: number; written: string } | null {
  const offset = item.position?.start.offset;
  if (offset === undefined) return null;
  const match = /^[ \t]*(\d{1,9})[.)]/.exec(source.slice(offset, offset + 12));
  return match ? { value: Number(match[1]), written: match[1]! } : null;
}

export function itemParagraphs(item: ListItem): string[] {
  return item.children.flatMap((child): string[] => {
    if (child.type === 'list') return (child as List).children.map((sub) => itemParagraphs(sub).join('\n'));
    if (child.type === 'table') return child.children.map((row) => row.children.map((cell) => nodeText(cell).trim()).join(' | '));
    return splitLines(flowText(child));
  });
}

export function splitLines(text: string): string[] {
  return text.split(/\n+/).map((line) => line.trim()).filter((line) => line !== '');
}

export function markedLead(item: ListItem): string | null {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return null;
  const lead = first.children[0];
  if (!lead || lead.type !== 'strong') return null;
  const text = stripEndPunctuation(nodeText(lead));
  return text === '' ? null : text;
}

