/**
 * Gives each task its title (lead phrase).
 *
 * ```markdown
 * 1. **进一步强化党委政府责任**。深入……   → '进一步强化党委政府责任' (marked)
 * 1. 深化专项整治。持续推进……             → '深化专项整治' (sentence: first sentence, short)
 * 13. 因地制宜建立完善……会商机制，有效……  → '因地制宜建立完善……会商机制' (clause)
 * 32. 根据《……意见》，推进……，……           → '根据《……意见》，推进……' (clause: a lead-in 根据/按照… takes the next clause)
 * ```
 *
 * An inferred title is never cut inside a word or clause: a long first clause
 * is kept whole, or, past MAX_CLAUSE, ended after a whole item of its list
 * (at a 、) with …. titleSource tells pages it was inferred.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Task } from '../model/schema.ts';
import { stripEndPunctuation } from './text.ts';

/** A first sentence up to this many characters is a title in itself. */
const SHORT_SENTENCE = 30;
/** Longer first clauses end after their last whole list item (、) within this many characters. */
const MAX_CLAUSE = 60;
/** A first clause that only sets the frame (根据《…》, 按照“…”要求, 结合…实际) is not a title by itself. */
const LEAD_IN = /^(根据|按照|依据|结合|围绕|对照|对标)/u;

export default function remarkTaskTitles() {
  return (_tree: Root, file: VFile) => {
    for (const task of file.data.structure?.tasks ?? []) {
      Object.assign(task, task.marked ? { title: task.marked, titleSource: 'marked' } : inferTitle(task.paragraphs.join('\n')));
    }
  };
}

/** Title from unmarked text: the first sentence when short, else its first clause. */
export function inferTitle(text: string): Pick<Task, 'title' | 'titleSource'> {
  const sentence = stripEndPunctuation(/^[^。！？!?；;\n]*/u.exec(text)?.[0] ?? text);
  if (sentence.length > 0 && sentence.length <= SHORT_SENTENCE) return { title: sentence, titleSource: 'sentence' };
  let clause = firstClause(text);
  for (let last = clause; LEAD_IN.test(last) && text[clause.length] === '，'; ) {
    last = firstClause(text.slice(clause.length + 1));
    if (clause.length + 1 + last.length > MAX_CLAUSE) break;
    clause = `${clause}，${last}`;
  }
  clause = stripEndPunctuation(clause);
  const title = clause.length > MAX_CLAUSE ? `${clause.slice(0, lastItemEnd(clause))}…` : clause;
  return { title: title || stripEndPunctuation(firstClause(text)), titleSource: 'clause' };
}

/** Where the last whole item of a list ends (before its 、) within MAX_CLAUSE, outside quotes and brackets. */
function lastItemEnd(clause: string): number {
  let depth = 0;
  let end = 0;
  for (let i = 0; i < Math.min(clause.length, MAX_CLAUSE); i += 1) {
    const char = clause[i] ?? '';
    if ('“‘《（(「【['.includes(char)) depth += 1;
    else if ('”’》）)」】]'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && char === '、') end = i;
  }
  return end > 0 ? end : clause.length;
}

/** Text up to the first clause break that is not inside quotes, brackets or a title. */
function firstClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if ('“‘《（(「【['.includes(char)) depth += 1;
    else if ('”’》）)」】]'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '，,：:。；;\n'.includes(char)) return text.slice(0, i);
  }
  return text;
}
