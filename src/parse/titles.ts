/**
 * Gives each task its title (lead phrase).
 *
 * ```markdown
 * 1. **进一步强化党委政府责任**。深入……   → '进一步强化党委政府责任' (marked)
 * 1. 深化专项整治。持续推进……             → '深化专项整治' (sentence: first sentence, short)
 * 13. 因地制宜建立完善……会商机制，有效……  → '因地制宜建立完善……会商机制' (clause)
 * ```
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Task } from '../model/schema.ts';
import { stripEndPunctuation } from './text.ts';

/** A first sentence up to this many characters is a title in itself. */
const SHORT_SENTENCE = 30;
const LONG_CLAUSE = 40;

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
  const clause = stripEndPunctuation(firstClause(text));
  const title = clause.length > LONG_CLAUSE ? `${clause.slice(0, LONG_CLAUSE)}…` : clause;
  return { title: title || stripEndPunctuation(text.slice(0, LONG_CLAUSE)), titleSource: 'clause' };
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
