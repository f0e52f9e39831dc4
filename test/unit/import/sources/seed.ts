/**
 * A seed plan's raw text as the Word file its office wrote: one paragraph
 * per non-empty line, extraction artifacts (page numbers, `（此页无正文）`)
 * left out because a Word file keeps them in footers, Markdown headings and
 * bold as bold paragraphs. With `autoNumber`, typed ordinals (`一、`,
 * `（二）`, `3.`) become Word's automatic numbering, a new list wherever the
 * typed numbers do not continue.
 */
import { LevelFormat } from 'docx';
import { decode } from '../../../../src/import/decode.ts';
import { lineArtifact } from '../../../../src/import/artifacts.ts';
import type { Block, ListStyle } from './office.ts';

const CN = '〇一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十 → 20. */
export function chineseNumber(text: string): number {
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  return (text.includes('十') ? (tens ? CN.indexOf(tens) : 1) * 10 : 0) + (ones ? CN.indexOf(ones) : 0);
}

const KINDS = [
  { kind: 'task', re: /^(\d{1,3})\s*[.．](?![\d．.])\s*/, value: Number, format: LevelFormat.DECIMAL, text: '%1.' },
  { kind: 'section', re: /^([一二三四五六七八九十]{1,3})、\s*/, value: chineseNumber, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { kind: 'action', re: /^（([一二三四五六七八九十]{1,3})）\s*/, value: chineseNumber, format: LevelFormat.CHINESE_COUNTING, text: '（%1）' },
] as const;

export function seedBlocks(raw: Uint8Array, autoNumber: boolean): { blocks: Block[]; lists: ListStyle[] } {
  const decoded = decode(raw);
  if (!decoded.ok) throw new Error('seed plan does not decode');
  const blocks: Block[] = [];
  const lists: ListStyle[] = [];
  const last = new Map<string, { ref: string; n: number }>();
  for (const line of decoded.text.split(/\r\n?|\n/)) {
    let text = line.trim();
    if (text === '' || lineArtifact(text)) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(text);
    if (heading) text = heading[1]!;
    const bold = /^\*\*(.+)\*\*$/.exec(text);
    if (bold) text = bold[1]!;
    const block: Extract<Block, { text: string }> = { text, bold: Boolean(heading || bold) };
    const kind = autoNumber ? KINDS.find((k) => k.re.test(text)) : undefined;
    if (kind) {
      const match = kind.re.exec(text)!;
      const n = kind.value(match[1]!);
      let list = last.get(kind.kind);
      if (!list || list.n + 1 !== n) {
        list = { ref: `${kind.kind}-${lists.length}`, n: n - 1 };
        lists.push({ ref: list.ref, levels: [{ format: kind.format, text: kind.text, start: n }] });
        last.set(kind.kind, list);
      }
      list.n = n;
      block.text = text.slice(match[0].length);
      block.list = { ref: list.ref };
    }
    blocks.push(block);
  }
  return { blocks, lists };
}
