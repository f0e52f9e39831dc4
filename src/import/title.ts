/**
 * Normalises the plan title: no spaces from line breaks, full-width brackets
 * around the period, and no stray closing `》` left from a cover that quoted
 * the title (`工作方案》（2024-2026年）`). Each removal is reported.
 */
import type { Message } from '../model/schema.ts';
import type { Paragraph } from './lines.ts';
import { tidySpaces } from './markers.ts';
import { makeMessage } from './messages.ts';

export function fixTitle(p: Paragraph, file: string): { text: string; messages: Message[] } {
  const messages: Message[] = [];
  const rawAt = p.text.indexOf('》');
  let text = tidySpaces(p.text, true).replace(/\(/g, '（').replace(/\)/g, '）');
  const opens = (text.match(/《/g) ?? []).length;
  const closes = (text.match(/》/g) ?? []).length;
  if (closes > opens) {
    const at = text.indexOf('》');
    text = text.slice(0, at) + text.slice(at + 1);
    messages.push(makeMessage(file, 'warning', 'import-title-artifact', { line: p.line, column: p.column + Math.max(rawAt, 0) },
      `方案标题中多出一个没有配对的“》”，已删除：${text}`,
      '这是封面引用标题时留下的残迹；请核对标题是否与原文一致'));
  }
  return { text, messages };
}
