/**
 * The labels offices write before units and deadlines, as data: extend the
 * tables, add a fixture, and every form below reads the new label.
 *
 * ```text
 * （责任单位：街道平安办、街道党政办；配合单位：各社区居委会）
 *   → 责任单位 'responsible' '街道平安办、街道党政办'; 配合单位 'support' '各社区居委会'
 * 【牵头单位】区应急局【配合单位】各街镇【完成时限】2024年底前
 *   → 牵头单位 'lead' '区应急局'; 配合单位 'support' '各街镇'; 完成时限 deadline '2024年底前'
 * 牵头单位:区住房城乡建设委        (a label line after the task; ASCII colon)
 *   → 牵头单位 'lead' '区住房城乡建设委'
 * 责任领导：王某某   (a person: a label, never a unit)
 * ```
 * A label is `【L】`, `[L]`, `L：` or `L:` where it starts the text or
 * follows a separator; its value runs to the next label. A label is never
 * part of a unit name.
 */
import type { UnitRole } from '../model/schema.ts';

/** Unit labels and the role each gives the units it introduces. */
export const UNIT_LABELS: Readonly<Record<string, UnitRole>> = {
  牵头单位: 'lead',
  牵头部门: 'lead',
  主责单位: 'lead',
  主责部门: 'lead',
  主办单位: 'lead',
  责任单位: 'responsible',
  责任部门: 'responsible',
  责任主体: 'responsible',
  配合单位: 'support',
  配合部门: 'support',
  协办单位: 'support',
  协办部门: 'support',
  参与单位: 'support',
  参与部门: 'support',
  协助单位: 'support',
  协同单位: 'support',
  牵头科室: 'lead',
  责任科室: 'responsible',
  责任股室: 'responsible',
  配合科室: 'support',
  落实单位: 'implement',
  具体落实单位: 'implement',
  // Short forms in table cells and brackets: `牵头：县住建局；配合：县财政局`, `（负责：区应急局；参与：区公安分局）`.
  牵头: 'lead',
  主责: 'lead',
  主办: 'lead',
  责任: 'responsible',
  负责: 'responsible',
  配合: 'support',
  协办: 'support',
  参与: 'support',
};

/** Labels that introduce the task's deadline. */
export const DEADLINE_LABELS: readonly string[] = ['完成时限', '完成时间', '完成期限', '办结时限', '截止时间', '时间节点', '时限要求', '时间要求', '时限', '时间'];

/**
 * Labels that name a person, not a unit (`（责任领导：王某某；责任部门：街道城建办）`):
 * read as labels, so the units after them are found, and never taken for units.
 */
export const PERSON_LABELS: readonly string[] = ['责任领导', '分管领导', '牵头领导', '包保领导', '联系领导', '责任人', '联系人'];

/** What may stand right before a label written with a colon. */
const BEFORE = '\\s（(〔【\\[［；;，,。）)〕';

export type LabelSegment =
  | { kind: 'unit'; label: string; role: UnitRole; value: string; at: number; valueAt: number; end: number }
  | { kind: 'deadline'; label: string; value: string; at: number; valueAt: number; end: number }
  | { kind: 'person'; label: string; value: string; at: number; valueAt: number; end: number };

const names = [...Object.keys(UNIT_LABELS), ...DEADLINE_LABELS, ...PERSON_LABELS].sort((a, b) => b.length - a.length).join('|');
const LABEL = new RegExp(`[【\\[［]\\s*(${names})\\s*[】\\]］]\\s*[：:]?|(?:^|(?<=[${BEFORE}]))(${names})\\s*[：:]`, 'gu');
const OPENERS = '（(〔';
const CLOSERS = '）)〕';
const EDGE = /[\s；;，,。、]/u;

/**
 * A label no list here knows, after a separator (`；督导：区应急局`): it ends
 * the value before it, so its words never become a unit's name or a deadline.
 */
const UNKNOWN_LABEL = /[；;，,。]\s*[\u4e00-\u9fff]{1,8}\s*[：:]/gu;

/** The labelled segments of `text`, in order, in one pass. */
export function readLabels(text: string): LabelSegment[] {
  const found = [...text.matchAll(LABEL)];
  // Both lists are in text order: one pointer walks the unknown labels (one pass, whatever the length).
  const unknown = [...text.matchAll(UNKNOWN_LABEL)].map((match) => match.index);
  let u = 0;
  return found.map((match, i) => {
    const label = (match[1] ?? match[2]) as string;
    const valueAt = match.index + match[0].length;
    const next = found[i + 1]?.index ?? text.length;
    while (u < unknown.length && unknown[u]! < valueAt) u += 1;
    const end = u < unknown.length && unknown[u]! < next ? unknown[u]! : next;
    const value = trimEdges(text.slice(valueAt, end));
    const role = UNIT_LABELS[label];
    const at = match.index;
    if (role) return { kind: 'unit', label, role, value, at, valueAt, end };
    return { kind: PERSON_LABELS.includes(label) ? 'person' : 'deadline', label, value, at, valueAt, end };
  });
}

/**
 * Where the labels of a paragraph start: at its beginning, at a `【L】`, or
 * after a sentence, never inside a parenthesis (that is a unit parenthesis).
 */
export function labelBlockStart(text: string): number | null {
  let depth = 0;
  let scanned = 0;
  for (const match of text.matchAll(LABEL)) {
    for (; scanned < match.index; scanned += 1) {
      const char = text[scanned] ?? '';
      if (OPENERS.includes(char)) depth += 1;
      else if (CLOSERS.includes(char)) depth = Math.max(0, depth - 1);
    }
    if (depth > 0) continue;
    const before = text[match.index - 1];
    // `…（牵头单位：A）完成时限：2024—2025年。`: after a closed unit parenthesis too.
    if (match.index === 0 || match[1] || before === undefined || '。；;\n）)〕'.includes(before)) return match.index;
  }
  return null;
}

/** `text` without the separators and spaces at either end (a loop: no regex backtracking on long runs). */
export function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && EDGE.test(text[start] ?? '')) start += 1;
  while (end > start && EDGE.test(text[end - 1] ?? '')) end -= 1;
  return text.slice(start, end);
}
