/**
 * Reads the units a task states, with their role and the clause each covers.
 *
 * ```markdown
 * 1. **深化专项整治**。持续推进道路交通……安全管理（市公安局交警大队、市交通运输局牵头负责）。
 *    持续巩固冬春消防安全整治成果……专项治理（市消防救援大队牵头负责）。
 * ```
 * → `[{ name: '市公安局交警大队', role: 'lead', clause: '持续推进道路交通……安全管理', basis: '（…牵头负责）' }, …]`
 *
 * A unit parenthesis is one that ends a sentence (followed by `。`, `；` or
 * the end) and names units or a role; it covers the text since the previous
 * unit parenthesis. Units written in the sentence (`X牵头，Y参与`) are read
 * too. Nothing is invented: a task that states no unit has none.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Unit } from '../model/schema.ts';
import type { TaskDraft } from './draft.ts';
import { scanBrackets } from './brackets.ts';
import { inlineUnits } from './unit-phrases.ts';
import { parseUnitGroups, UNIT_END } from './unit-names.ts';
import { report } from './report.ts';

/** A unit parenthesis ends with a role (…牵头负责, …具体落实) or a unit name. */
const ROLE_END = /(牵头负责|牵头|负责|落实|配合|参与|协助|协办)$/u;

export default function remarkTaskUnits() {
  return (_tree: Root, file: VFile) => {
    for (const task of file.data.structure?.tasks ?? []) {
      const text = task.paragraphs.join('\n');
      if (task.table) {
        task.units = task.table.units.flatMap((cell) =>
          parseUnitGroups(cell.text, cell.role).map(({ name, role }) => ({ name, role, source: 'stated' as const, clause: text, basis: cell.text })),
        );
        continue;
      }
      const { spans, unbalanced } = scanBrackets(text);
      if (unbalanced.length > 0) {
        const at = unbalanced[0] ?? 0;
        report(file, 'warning', 'unbalanced-bracket', task.place,
          `任务 ${task.number} 中的括号不成对：“…${text.slice(Math.max(0, at - 12), at + 12)}…”`,
          '检查这一处是否缺少左括号或右括号；责任单位括号不成对时，单位可能读不全。');
      }
      const stated = statedUnits(text, spans, lead(task));
      let rest = text;
      for (const span of [...spans].reverse()) {
        if (isUnitSpan(text, span)) rest = rest.slice(0, span.open) + '。'.padEnd(span.close - span.open + 1, ' ') + rest.slice(span.close + 1);
      }
      task.units = [...stated, ...inlineUnits(rest)];
    }
  };
}

function lead(task: TaskDraft): string | null {
  return task.titleSource === 'marked' || task.titleSource === 'sentence' ? (task.title ?? null) : null;
}

function isUnitSpan(text: string, span: { close: number; inner: string }): boolean {
  const next = text.slice(span.close + 1).trimStart()[0];
  if (next !== undefined && !'。；;.\n'.includes(next)) return false;
  const inner = span.inner.trim();
  if (inner.length > 200) return false;
  return ROLE_END.test(inner) || UNIT_END.test(inner.replace(/等$/u, ''));
}

function statedUnits(text: string, spans: Array<{ open: number; close: number; inner: string }>, title: string | null): Unit[] {
  const units: Unit[] = [];
  let from = 0;
  for (const span of spans) {
    if (!isUnitSpan(text, span)) continue;
    let clause = text.slice(from, span.open).replace(/^[\s。；;，,]+/u, '');
    if (from === 0 && title && clause.startsWith(title)) clause = clause.slice(title.length).replace(/^[\s。；;，,：:]+/u, '');
    clause = clause.replace(/[\s。；;，,]+$/u, '');
    const basis = text.slice(span.open, span.close + 1);
    for (const { name, role } of parseUnitGroups(span.inner)) units.push({ name, role, source: 'stated', clause, basis });
    from = span.close + 1;
  }
  return units;
}
