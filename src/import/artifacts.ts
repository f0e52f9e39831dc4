/**
 * Extraction artifacts that are removed from the raw lines: page numbers
 * (`— 3 —`, `-3-`, `第3页`), the printed note
 * `（此页无正文）`, and Markdown markup a previous tool put around headings
 * (`## 一、总体要求`, `### **三、保障措施**`).
 */
const PAGE_NUMBER = /^\s*(?:[—–\-－]{1,2}\s*\d{1,3}\s*[—–\-－]{1,2}|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?)\s*$/;
const NO_TEXT = /^\s*[（(]\s*此页无正文\s*[）)]\s*$/;

export type LineArtifact = 'page-number' | 'no-text-note' | null;

export function lineArtifact(text: string): LineArtifact {
  if (NO_TEXT.test(text)) return 'no-text-note';
  if (PAGE_NUMBER.test(text)) return 'page-number';
  return null;
}

/** True when a previous tool wrote Markdown headings (three or more `#` lines). */
export function hasMarkup(lines: string[]): boolean {
  return lines.filter((l) => /^\s{0,3}#{1,6}\s+\S/.test(l)).length >= 3;
}

/** Strips Markdown heading hashes and whole-line bold from a raw line. */
export function stripMarkup(text: string): { text: string; heading: number } {
  const match = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
  let body = match ? match[2]! : text;
  const bold = /^\s*\*\*(.+)\*\*\s*$/.exec(body);
  if (bold) body = bold[1]!;
  return { text: body, heading: match ? match[1]!.length : 0 };
}
