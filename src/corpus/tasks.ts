/**
 * Reshape the tasks of one action: merge, split, drop and trim tasks, move
 * deadlines to other months, and add or remove responsible units in the two
 * styles the real plans use (`X牵头，Y参与。` inside the text, and a trailing
 * `（X牵头负责）` parenthesis).
 */
import type { Random } from './random.ts';
import type { TaskItem } from './segment.ts';

export interface TaskStyle {
  units: 'keep' | 'inline' | 'parenthesis' | 'none';
  pool: string[];
  merge: number;
  split: number;
  drop: number;
  trim: number;
  month: number;
}

const UNIT_PARENTHESIS = /（(?:[^（）]|（[^（）]*）)*?(?:牵头|负责|落实|配合)(?:[^（）]|（[^（）]*）)*?）/g;
const UNIT_BRACKET = /\[[^\]]*(?:牵头|负责|落实)[^\]]*\]/g;
const UNIT_SENTENCE = /[^。；]*牵头，[^。；]*参与[^。；]*[。；]/g;

export function reshapeTasks(tasks: TaskItem[], style: TaskStyle, random: Random): TaskItem[] {
  let out: TaskItem[] = [];
  for (const task of tasks) {
    const previous = out.at(-1);
    if (previous && random.chance(style.merge)) previous.paragraphs.push(...task.paragraphs.map(unmark));
    else if (out.length > 0 && random.chance(style.drop)) continue;
    else out.push(...(random.chance(style.split) ? split(task) : [{ paragraphs: [...task.paragraphs], kind: 'task' as const }]));
  }
  out = out.map((task) => ({
    kind: 'task',
    paragraphs: task.paragraphs.map((paragraph, index) => {
      let text = random.chance(style.trim) ? trim(paragraph) : paragraph;
      text = text.replace(/(\d{4})年(?:(\d{1,2})月)?底前/g, (phrase, year: string) =>
        random.chance(style.month) ? monthVariant(year, random) : phrase,
      );
      return index === 0 ? withUnits(text, style, random) : style.units === 'keep' ? text : stripUnits(text);
    }),
  }));
  return out;
}

/** A task with two paragraphs becomes two tasks; one long paragraph splits between sentences. */
function split(task: TaskItem): TaskItem[] {
  if (task.paragraphs.length > 1) {
    return [{ kind: 'task', paragraphs: [task.paragraphs[0]!] }, { kind: 'task', paragraphs: task.paragraphs.slice(1) }];
  }
  const sentences = task.paragraphs[0]!.match(/[^。]+。?/g) ?? [];
  if (sentences.length < 4) return [{ kind: 'task', paragraphs: [...task.paragraphs] }];
  const middle = Math.ceil(sentences.length / 2);
  return [
    { kind: 'task', paragraphs: [sentences.slice(0, middle).join('')] },
    { kind: 'task', paragraphs: [sentences.slice(middle).join('')] },
  ];
}

/** Keep the first half of the sentences (at least one). */
function trim(paragraph: string): string {
  const sentences = paragraph.match(/[^。]+。?/g) ?? [paragraph];
  return sentences.slice(0, Math.max(1, Math.ceil(sentences.length / 2))).join('');
}

/** A merged task's lead phrase is plain text in the middle of another task. */
function unmark(paragraph: string): string {
  return paragraph.replace(/^\*\*(.+?)\*\*/, '$1');
}

function monthVariant(year: string, random: Random): string {
  const month = random.pick([3, 6, 6, 9, 10, 11, 12, null]);
  if (month === null) return `${year}年底前`;
  return random.chance(0.2) ? `${year}年${month}月前` : `${year}年${month}月底前`;
}

function stripUnits(text: string): string {
  return text.replace(UNIT_PARENTHESIS, '').replace(UNIT_BRACKET, '').replace(UNIT_SENTENCE, '');
}

function withUnits(text: string, style: TaskStyle, random: Random): string {
  if (style.units === 'keep') return text;
  const bare = stripUnits(text) || text;
  if (style.units === 'none' || random.chance(0.3)) return bare;
  const [lead, ...support] = random.sample(style.pool, random.int(1, 4));
  if (style.units === 'inline') {
    return `${bare}${support.length > 0 ? `${lead}牵头，${support.join('、')}参与。` : `${lead}牵头负责。`}`;
  }
  const parenthesis = `（${lead}牵头负责${support.length > 0 ? `，${support.join('、')}配合` : ''}）`;
  return /。$/.test(bare) ? `${bare.slice(0, -1)}${parenthesis}。` : `${bare}${parenthesis}`;
}
