/**
 * Classifies joined paragraphs into the blocks of the content format:
 * cover paragraphs and notice title, the plan title, sections (`一、`),
 * series labels, actions (`（一）` followed by numbered tasks), tasks and
 * plain paragraphs (which include `（一）加强组织领导。……` under 保障措施).
 */
import type { Paragraph } from './lines.ts';
import { ACTION, SECTION, TASK, startsStructure } from './markers.ts';

export type Block =
  | { kind: 'cover'; text: string; at: Paragraph }
  | { kind: 'notice-title'; text: string; at: Paragraph }
  | { kind: 'title'; text: string; at: Paragraph }
  | { kind: 'section'; text: string; at: Paragraph }
  | { kind: 'series'; text: string; at: Paragraph }
  | { kind: 'action'; text: string; at: Paragraph }
  | { kind: 'task'; number: number; marker: string; paragraphs: string[]; at: Paragraph }
  | { kind: 'paragraph'; text: string; at: Paragraph };

export function findTitle(paragraphs: Paragraph[]): number {
  return paragraphs.findIndex(
    (p) => /三年行动/.test(p.text) && /方案/.test(p.text) && !/[。，；]|关于|印发|通知/.test(p.text) && [...p.text].length <= 60,
  );
}

export function structure(paragraphs: Paragraph[], titleIndex: number): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < titleIndex; i++) {
    const p = paragraphs[i]!;
    const notice = /^.{0,30}关于印发.*通知$/.test(p.text) && !/[。；]/.test(p.text);
    blocks.push({ kind: notice ? 'notice-title' : 'cover', text: p.text, at: p });
  }
  if (titleIndex < 0) return blocks;
  blocks.push({ kind: 'title', text: paragraphs[titleIndex]!.text, at: paragraphs[titleIndex]! });
  let task: Extract<Block, { kind: 'task' }> | null = null;
  for (let i = titleIndex + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const text = p.text;
    const taskMatch = TASK.exec(text);
    if (taskMatch) {
      task = { kind: 'task', number: Number(taskMatch[1]), marker: taskMatch[0], paragraphs: [text.slice(taskMatch[0].length)], at: p };
      blocks.push(task);
      continue;
    }
    if (SECTION.test(text) && isHeading(text)) {
      blocks.push({ kind: 'section', text, at: p });
      task = null;
    } else if (ACTION.test(text) && isHeading(text) && taskFollows(paragraphs, i)) {
      blocks.push({ kind: 'action', text, at: p });
      task = null;
    } else if (isSeries(text) && taskFollows(paragraphs, i)) {
      blocks.push({ kind: 'series', text, at: p });
      task = null;
    } else if (task && !startsStructure(text)) {
      task.paragraphs.push(text);
    } else {
      blocks.push({ kind: 'paragraph', text, at: p });
      task = null;
    }
  }
  return blocks;
}

/** A heading line is short and carries no sentence (a closing 。 is allowed). */
function isHeading(text: string): boolean {
  return [...text].length <= 40 && !/[。；，：]./.test(text);
}

/** `8项“常态化行动”：`, `专项化行动：`: names a run of actions. */
function isSeries(text: string): boolean {
  return [...text].length <= 20 && /行动[”"]?[：:]?$/.test(text) && !/[。，；]/.test(text);
}

/** True when numbered tasks come before the next section or action. */
function taskFollows(paragraphs: Paragraph[], from: number): boolean {
  for (let j = from + 1; j < paragraphs.length; j++) {
    const text = paragraphs[j]!.text;
    if (TASK.test(text)) return true;
    if (SECTION.test(text) || (ACTION.test(text) && isHeading(text))) return ACTION.test(text) && isSeries(paragraphs[from]!.text);
  }
  return false;
}
