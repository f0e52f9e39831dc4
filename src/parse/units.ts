/**
 * Reads the units a task states, with their role and the clause each covers.
 *
 * ```markdown
 * 1. **深化专项整治**。持续推进道路交通……安全管理（市公安局交警大队、市交通运输局牵头负责）。
 *    持续巩固冬春消防安全整治成果……专项治理（市消防救援大队牵头负责）。
 * ```
 * → `[{ name: '市公安局交警大队', role: 'lead', clause: '持续推进道路交通……安全管理', basis: '（…牵头负责）' }, …]`
 *
 * ```markdown
 * 2. **强化消防安全管理**。开展沿街商铺消防安全检查（责任单位：镇消防站；配合单位：各村（居）委会）。
 *
 *    牵头单位：镇平安办
 * ```
 * → 镇消防站 (responsible), 各村（居）委会 (support), 镇平安办 (lead); the
 * labels (`labels.ts`) give the role and are never part of a name.
 *
 * A unit parenthesis is one that starts with a unit label, or ends a
 * sentence (followed by `。`, `；` or the end) and names units or a role; it
 * covers the text since the previous unit parenthesis. Label lines and
 * `【牵头单位】…` blocks cover the whole task. Units written in the sentence
 * (`X牵头，Y参与`, `由X负责`) are read too. Nothing is invented: a task that
 * states no unit has none. Each step is one pass over the text.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Unit, UnitRole } from '../model/schema.ts';
import type { TaskDraft } from './draft.ts';
import { scanBrackets, type Span } from './brackets.ts';
import { inlineUnits } from './unit-phrases.ts';
import { parseUnitGroups, UNIT_END } from './unit-names.ts';
import { labelBlockStart, readLabels, trimEdges, type LabelSegment } from './labels.ts';
import { report } from './report.ts';

/** A unit parenthesis ends with a role (…牵头负责, …具体落实) or a unit name. */
const ROLE_END = /(牵头负责|牵头|负责|落实|落实属地(?:管理)?责任|配合|参与|协助|协办|指导|督导)$/u;
/** `；2024年9月底前`, `，长期坚持` closing a unit parenthesis: its time, read as the task's deadline, not a name. */
const TIME_TAIL = /[；;，,]\s*(?:\d{4}\s*年|[一二三四]?季度|上半年|下半年|年底|年内|长期|持续|常态化|每)[^；;，,（）()]*$/u;

/** The units of a parenthesis, without the time it may close with. */
const unitPart = (inner: string): string => {
  let text = inner.trim();
  for (let cut = text.replace(TIME_TAIL, ''); cut !== text; cut = text.replace(TIME_TAIL, '')) text = cut.trim();
  return text;
};
/** Longer parentheses are sentences, not lists of units. */
const MAX_UNIT_SPAN = 200;
const MAX_LABELLED_SPAN = 600;

export default function remarkTaskUnits() {
  return (_tree: Root, file: VFile) => {
    // Label lines of their own after a task (`责任单位：…` as a paragraph, not in its first), and each task's clause.
    const labelLines = new Map<TaskDraft, LabelSegment[]>();
    const clauses = new Map<TaskDraft, string>();
    for (const task of file.data.structure?.tasks ?? []) {
      const text = task.paragraphs.join('\n');
      if (task.table && task.table.units.length > 0) {
        task.units = task.table.units.flatMap((cell) => cellUnits(cell.text, cell.role, text));
        continue;
      }
      const { body, labels } = splitLabelBlocks(task.paragraphs);
      if (task.paragraphs.length > 1 && labels.some((l) => l.kind === 'unit') && labelBlockStart(task.paragraphs[0]!) === null) labelLines.set(task, labels);
      const { spans, unbalanced } = scanBrackets(body);
      if (unbalanced.length > 0) {
        const at = unbalanced[0] ?? 0;
        report(file, 'warning', 'unbalanced-bracket', task.place,
          `任务 ${task.number} 中的括号不成对：“…${body.slice(Math.max(0, at - 12), at + 12)}…”`,
          '检查这一处是否缺少左括号或右括号；责任单位括号不成对时，单位可能读不全。');
      }
      const unitSpans = spans.filter((span) => isUnitSpan(body, span));
      const title = lead(task);
      const clause = withoutTitle(trimEdges(body), title);
      task.units = [
        ...statedUnits(body, unitSpans, title),
        ...inlineUnits(blankSpans(body, unitSpans)),
        ...labels.flatMap((segment) => labelUnits(segment, clause)),
      ];
      clauses.set(task, clause);
    }
    inheritActionUnits(file, clauses, labelLines);
  };
}

/**
 * Units written once for all of an action's tasks reach each of them that
 * names none, marked 推断, the basis saying which action wrote them and where:
 *
 * - in its heading's bracket, on a line under it, or `以上任务由…` after its
 *   tasks (`actionUnits`, read by src/parse/structure.ts);
 * - else `责任单位：…` lines after the last of tasks none of which names a
 *   unit of its own (`1.` `2.` `3.`, then `责任单位：…`, `时间安排：…`).
 */
function inheritActionUnits(file: VFile, clauses: Map<TaskDraft, string>, labelLines: Map<TaskDraft, LabelSegment[]>): void {
  const structure = file.data.structure;
  if (!structure) return;
  for (const action of structure.actions) {
    const tasks = structure.tasks.filter((t) => t.action === action.index);
    const named = `所属行动“${action.ordinal}${action.title}”`;
    const shared = structure.actionUnits?.get(action.index);
    const after = labelLines.get(tasks.at(-1)!);
    let heirs: TaskDraft[];
    let unitsOf: (task: TaskDraft) => Unit[];
    if (shared) {
      const basis = `${named}为其各项任务写明：${shared}`;
      const labelled = readLabels(shared).filter((segment) => segment.kind === 'unit');
      heirs = tasks.filter((task) => clauses.has(task)); // a table row takes its units from its own cells
      unitsOf = (task) => {
        const clause = clauses.get(task)!;
        return labelled.length > 0 ? labelled.flatMap((segment) => labelUnits(segment, clause, basis)) : inlineUnits(shared).map((unit) => ({ ...unit, clause, basis }));
      };
    } else if (after && tasks.length >= 2 && tasks.slice(0, -1).every((t) => (t.units ?? []).length === 0 && !labelLines.has(t))) {
      const basis = `${named}在各项任务之后写明：${after.filter((l) => l.kind === 'unit').map((l) => `${l.label}：${l.value}`).join('；')}`;
      heirs = tasks.slice(0, -1);
      unitsOf = (task) => after.flatMap((segment) => labelUnits(segment, trimEdges(task.paragraphs.join('\n')), basis));
    } else continue;
    for (const task of heirs) if ((task.units ?? []).length === 0) task.units = unitsOf(task).map((unit) => ({ ...unit, source: 'inferred' as const }));
  }
}

/** The task's text without its label blocks, and the labels they hold. */
function splitLabelBlocks(paragraphs: string[]): { body: string; labels: LabelSegment[] } {
  const body: string[] = [];
  const labels: LabelSegment[] = [];
  for (const paragraph of paragraphs) {
    const start = labelBlockStart(paragraph);
    if (start === null) {
      body.push(paragraph);
      continue;
    }
    if (start > 0) body.push(paragraph.slice(0, start));
    for (const item of readLabels(paragraph.slice(start))) labels.push(item);
  }
  return { body: body.join('\n'), labels };
}

function labelUnits(segment: LabelSegment, clause: string, written?: string): Unit[] {
  if (segment.kind !== 'unit') return [];
  const basis = written ?? `${segment.label}：${segment.value}`;
  return parseUnitGroups(segment.value, segment.role, true).map(({ name, role }) => ({ name, role, source: 'stated', clause, basis }));
}

/** A table cell: its own labels if it has any, else the column's role. */
function cellUnits(cell: string, role: UnitRole | null, clause: string): Unit[] {
  const labels = labelBlockStart(cell) === 0 ? readLabels(cell) : [];
  if (labels.length > 0) return labels.flatMap((segment) => labelUnits(segment, clause));
  return parseUnitGroups(cell, role).map(({ name, role: found }) => ({ name, role: found, source: 'stated' as const, clause, basis: cell }));
}

function lead(task: TaskDraft): string | null {
  return task.titleSource === 'marked' || task.titleSource === 'sentence' ? (task.title ?? null) : null;
}

/** A clause at the start of a task reads without the task's title. */
function withoutTitle(clause: string, title: string | null): string {
  return title && clause.startsWith(title) ? trimEdges(clause.slice(title.length).replace(/^[\s。；;，,]*[：:]/u, '')) : clause;
}

function labelled(inner: string): LabelSegment[] | null {
  const labels = inner.length <= MAX_LABELLED_SPAN && labelBlockStart(inner.trimStart()) === 0 ? readLabels(inner.trimStart()) : [];
  return labels.some((segment) => segment.kind === 'unit') ? labels : null;
}

function isUnitSpan(text: string, span: Span): boolean {
  if (labelled(span.inner)) return true;
  let next = span.close + 1;
  while (next < text.length && /\s/u.test(text[next] ?? '') && text[next] !== '\n') next += 1;
  if (next < text.length && !'。；;.\n'.includes(text[next] ?? '')) return false;
  const inner = unitPart(span.inner);
  if (inner.length > MAX_UNIT_SPAN) return false;
  // `（督导：…）` under a label no table knows: never a list of unit names with the label in the first.
  if (/[：:]/u.test(inner)) return false;
  return ROLE_END.test(inner) || UNIT_END.test(inner.replace(/等$/u, ''));
}

function statedUnits(text: string, spans: Span[], title: string | null): Unit[] {
  const units: Unit[] = [];
  let from = 0;
  for (const span of spans) {
    const between = trimEdges(text.slice(from, span.open));
    const clause = from === 0 ? withoutTitle(between, title) : between;
    const basis = text.slice(span.open, span.close + 1);
    const labels = labelled(span.inner);
    if (labels) for (const item of labels.flatMap((segment) => labelUnits(segment, clause).map((unit) => ({ ...unit, basis })))) units.push(item);
    else for (const { name, role } of parseUnitGroups(unitPart(span.inner))) units.push({ name, role, source: 'stated', clause, basis });
    from = span.close + 1;
  }
  return units;
}

/** The text with each unit parenthesis replaced by `。` and spaces, so sentences read around it stay apart. */
function blankSpans(text: string, spans: Span[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const span of spans) {
    parts.push(text.slice(from, span.open), '。'.padEnd(Math.min(text.length, span.close + 1) - span.open, ' '));
    from = span.close + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
