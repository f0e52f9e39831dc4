/**
 * Classifies joined paragraphs into the blocks of the content format: cover
 * paragraphs and notice title, the plan title, sections (`一、`), series
 * labels, actions (`（一）` headings), tasks, tables and plain paragraphs.
 *
 * Plans number their tasks in several ways; the numbering the plan uses for
 * its work items is found first (`numberingOf`), then every paragraph is
 * read with it:
 *
 * ```text
 * （一）开展…提升行动 / 1. 进一步强化…        → action, task 1          ('number')
 * （一）房屋市政工程安全整治 / （1）深基坑…     → action, task 1          ('paren')
 * （一）房屋市政工程安全整治 / 1）深基坑…       → action, task 1          ('half-paren')
 * 一、压紧压实安全生产责任 / （一）落实党政…。… → section, task 1         ('ordinal')
 * （一）强化安全责任落实。一是压实…。二是…      → action, tasks 1, 2     ('inline')
 * （一）安全生产责任落实行动 / 一是健全…。二是…  → action, tasks 1, 2     ('inline')
 * 一、全面压实安全生产责任 / 一是强化…。二是…    → section, tasks 1, 2    ('inline')
 * 二、重点任务 / 第一，开展…。 / 第二，开展…。    → tasks 1, 2             ('first-second')
 * 任务名称：开展… / 牵头单位：… / 完成时限：…    → task 1 and its labels  ('named')
 * （一）隐患排查行动 / ■开展…。 / ★开展…。      → action, tasks 1, 2     ('bullet')
 * ```
 * Numbered items under 总体要求/工作目标/保障措施… are not tasks; sub-items
 * `（1）…①…` inside a task stay part of it; an annex after `附件` is kept as
 * written (its task table is read by the parser).
 */
import type { Paragraph } from './lines.ts';
import { sameHeaderRow } from './tables.ts';
import { ABOUT_ALL_TASKS, ANNEX_LINE } from '../model/document.ts';
import { ACTION, BARE_TASK, BULLET, chineseNumber, CIRCLED, DATE, FIRST_SECOND, HALF_PAREN, NAMED_TASK, INLINE_ITEM, isStandalone, looksLikeBrokenDate, markerNumber, PAREN, SECTION, startsStructure, TASK } from './markers.ts';

export type Block =
  | { kind: 'cover'; text: string; at: Paragraph }
  | { kind: 'notice-title'; text: string; at: Paragraph }
  | { kind: 'title'; text: string; at: Paragraph }
  | { kind: 'section'; text: string; at: Paragraph }
  | { kind: 'series'; text: string; at: Paragraph }
  | { kind: 'action'; text: string; at: Paragraph }
  | { kind: 'task'; number: number; marker: string; paragraphs: string[]; at: Paragraph }
  | { kind: 'table'; rows: string[][]; at: Paragraph }
  | { kind: 'paragraph'; text: string; at: Paragraph };

export type Numbering = 'number' | 'paren' | 'half-paren' | 'circled' | 'ordinal' | 'inline' | 'first-second' | 'named' | 'bullet' | 'none';

/** Sections whose numbered items are goals, principles or arrangements, never tasks. */
const NOT_TASKS = /^(?:总体要求|指导思想|工作目标|主要目标|总体目标|目标任务|基本原则|工作原则|适用范围|编制依据|保障措施|组织保障|保障机制|组织实施|实施保障|工作要求|有关要求|相关要求|工作保障|实施步骤|工作步骤|方法步骤|步骤安排|进度安排|时间安排|实施安排|阶段安排|时间步骤|组织领导|工作机制|工作背景|现状|形势)|^[\u4e00-\u9fff]{0,6}(?:目标|原则|要求|思想|依据)$/u; // 治理目标, 整治原则

export function structure(paragraphs: Paragraph[], titleIndex: number): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < titleIndex; i++) {
    const p = paragraphs[i]!;
    const notice = /^.{0,40}关于(?:印发|转发|下发).*通知$/.test(p.text) && !/[。；]/.test(p.text);
    blocks.push({ kind: notice ? 'notice-title' : 'cover', text: p.text, at: p });
  }
  if (titleIndex < 0) return blocks;
  blocks.push({ kind: 'title', text: paragraphs[titleIndex]!.text, at: paragraphs[titleIndex]! });
  const body = paragraphs.slice(titleIndex + 1);
  const regions = taskRegions(body);
  const numbering = numberingOf(body, regions);
  let task: Extract<Block, { kind: 'task' }> | null = null;
  let table: Extract<Block, { kind: 'table' }> | null = null;
  let last = 0; // the last task number, for `1 加强…` whose dot was lost
  for (let i = 0; i < body.length; i++) {
    const p = body[i]!;
    const text = p.text;
    if (p.cells) {
      if (!table) blocks.push((table = { kind: 'table', rows: [], at: p }));
      // The header again (a table set over several pages repeats it, or one table per section): the first is kept.
      if (table.rows.length > 0 && sameHeaderRow(table.rows[0]!, p.cells)) continue;
      table.rows.push(p.cells);
      task = null;
      continue;
    }
    table = null;
    if (regions[i] === 'task') {
      const start = taskStart(text, numbering, last);
      if (start) {
        last = start.number;
        task = { kind: 'task', number: start.number, marker: start.marker, paragraphs: [start.rest], at: p };
        blocks.push(task);
        continue;
      }
      if (numbering === 'inline' && ACTION.test(text)) {
        const split = splitInline(text, p);
        if (split) {
          for (const item of split.blocks) blocks.push(item);
          task = split.tasks.at(-1) ?? null;
          for (const item of split.tasks) blocks.push(item);
          continue;
        }
      }
      if (numbering === 'inline' && (task || startsInline(text)) && /^[一二三四五六七八九十]+是/.test(text)) {
        const more = inlineTasks(text, p);
        for (const item of more) blocks.push(item);
        task = more.at(-1) ?? task;
        continue;
      }
    }
    if (SECTION.test(text) && isHeading(text)) {
      blocks.push({ kind: 'section', text, at: p });
      task = null;
    } else if (regions[i] === 'task' && ACTION.test(text) && isHeading(text) && taskFollows(body, i, numbering, regions)) {
      blocks.push({ kind: 'action', text, at: p });
      task = null;
    } else if (regions[i] === 'task' && isSeries(text) && taskFollows(body, i, numbering, regions)) {
      blocks.push({ kind: 'series', text, at: p });
      task = null;
    } else if (task && regions[i] === 'task' && !breaksTask(text, numbering) && !isSignature(body, i)) {
      task.paragraphs.push(text);
    } else {
      blocks.push({ kind: 'paragraph', text, at: p });
      task = null;
    }
  }
  return blocks;
}

type Region = 'task' | 'other' | 'annex';

/**
 * Which paragraphs may hold tasks: everything but the preamble before the
 * first section, sections of goals and arrangements, and the annexes. A plan
 * with no sections at all may hold tasks anywhere before its annexes.
 */
function taskRegions(body: Paragraph[]): Region[] {
  const hasSections = body.some((p) => SECTION.test(p.text) && isHeading(p.text));
  let section: Region = hasSections ? 'other' : 'task';
  let sub: Region | null = null;
  let annex = false;
  return body.map((p) => {
    const text = p.text;
    if (ANNEX_LINE.test(text)) annex = true;
    if (annex) return 'annex';
    if (SECTION.test(text) && isHeading(text)) {
      section = NOT_TASKS.test(text.replace(SECTION, '').trim()) ? 'other' : 'task';
      sub = null;
    } else if (ACTION.test(text) && isHeading(text)) {
      sub = NOT_TASKS.test(text.replace(ACTION, '').trim()) ? 'other' : null;
    }
    return sub ?? section;
  });
}

/** The numbering a plan gives its work items, read off the paragraphs that may hold tasks. */
export function numberingOf(body: Paragraph[], regions: Region[]): Numbering {
  const texts = body.filter((p, i) => regions[i] === 'task' && !p.cells).map((p) => p.text);
  if (texts.some((t) => TASK.test(t)) || bareSequence(texts)) return 'number';
  if (texts.some((t) => PAREN.test(t))) return 'paren';
  if (texts.some((t) => HALF_PAREN.test(t))) return 'half-paren';
  // `■开展…。` / `★开展…。`: at least two bulleted items, under headings or not.
  if (texts.filter((t) => BULLET.test(t)).length >= 2) return 'bullet';
  const runIn = texts.filter((t) => ACTION.test(t) && !isHeading(t));
  const headed = headedItems(body, regions);
  if (runIn.length === 0 && headed.length > 0) return headed.filter(startsInline).length * 2 >= headed.length ? 'inline' : 'ordinal';
  if (runIn.length > 0) {
    const inline = runIn.filter((t) => [...t.matchAll(INLINE_ITEM)].length >= 2).length;
    return inline * 2 >= runIn.length ? 'inline' : 'ordinal';
  }
  // `一、全面压实安全生产责任 / 一是强化…。二是压实…`: the items run in under the sections themselves.
  if (texts.some(startsInline)) return 'inline';
  if (texts.some((t) => CIRCLED.test(t))) return 'circled';
  // `第一，开展…。` / `第二，开展…。`: at least two, from 第一.
  if (texts.filter((t) => FIRST_SECOND.test(t)).length >= 2 && texts.some((t) => FIRST_SECOND.exec(t)?.[1] === '一')) return 'first-second';
  // `任务名称：…` / `牵头单位：…` / `完成时限：…` blocks, at least two.
  if (texts.filter((t) => NAMED_TASK.test(t)).length >= 2) return 'named';
  return 'none';
}

/**
 * `1 开展…。` `2 开展…。`: task numbers whose dots a PDF extraction lost,
 * trusted when they count up from 1 (a line may also start `24小时值守…`).
 */
function bareSequence(texts: string[]): boolean {
  let last = 0;
  let run = 0;
  for (const t of texts) {
    const m = BARE_TASK.exec(t);
    if (!m) continue;
    const n = Number(m[1]);
    if (n === last + 1) run += 1;
    else if (n !== 1) continue;
    last = n;
    if (n >= 2 && run >= 2) return true;
    if (n === 1) run = 1;
  }
  return false;
}

function taskStart(text: string, numbering: Numbering, last: number): { number: number; marker: string; rest: string } | null {
  const read = (re: RegExp, value: (m: RegExpExecArray) => number) => {
    const m = re.exec(text);
    return m ? { number: value(m), marker: m[0], rest: text.slice(m[0].length) } : null;
  };
  switch (numbering) {
    case 'number': {
      const found = read(TASK, markerNumber);
      if (found) return found;
      const bare = read(BARE_TASK, (m) => Number(m[1]));
      return bare && (bare.number === last + 1 || bare.number === 1) ? bare : null;
    }
    case 'paren':
      return read(PAREN, markerNumber);
    case 'half-paren':
      return read(HALF_PAREN, (m) => Number(m[1]));
    case 'circled':
      return read(CIRCLED, (m) => m[1]!.codePointAt(0)! - 0x2460 + 1);
    case 'ordinal':
      return ACTION.test(text) ? read(ACTION, (m) => chineseNumber(m[1]!)) : null;
    case 'first-second':
      return read(FIRST_SECOND, (m) => chineseNumber(m[1]!));
    case 'bullet':
      return read(BULLET, () => last + 1);
    case 'named':
      // `任务3：` keeps its number; `任务名称：` blocks are counted.
      return read(NAMED_TASK, (m) => (m[1] ? Number(m[1]) : last + 1));
    default:
      return null;
  }
}

/**
 * `（一）强化安全责任落实` on its own line, then the prose of that work item:
 * the count of such headed items in the task regions.
 */
function headedItems(body: Paragraph[], regions: Region[]): string[] {
  const first: string[] = [];
  body.forEach((p, i) => {
    const next = body[i + 1];
    if (regions[i] === 'task' && ACTION.test(p.text) && isHeading(p.text) && next && regions[i + 1] === 'task' && !next.cells && !startsStructure(next.text)) first.push(next.text);
  });
  return first;
}

/** `一是健全…。二是落实…。`: a paragraph of inline work items (at least two, from 一是). */
function startsInline(text: string): boolean {
  return /^一是/.test(text) && [...text.matchAll(INLINE_ITEM)].length >= 2;
}

/** A paragraph that cannot continue the task before it: a new heading or a new item of the task's level. */
function breaksTask(text: string, numbering: Numbering): boolean {
  // `以上任务由区应急局牵头，…配合。` closes the action's tasks: it is about all of them, not the last.
  if (SECTION.test(text) || ACTION.test(text) || ABOUT_ALL_TASKS.test(text)) return true;
  if (numbering === 'number' || numbering === 'none') return TASK.test(text);
  if (numbering === 'paren') return TASK.test(text) || PAREN.test(text);
  if (numbering === 'half-paren') return TASK.test(text) || PAREN.test(text) || HALF_PAREN.test(text);
  if (numbering === 'inline') return false;
  if (numbering === 'first-second') return FIRST_SECOND.test(text);
  if (numbering === 'named') return NAMED_TASK.test(text);
  if (numbering === 'bullet') return BULLET.test(text);
  return startsStructure(text) && !CIRCLED.test(text) && !PAREN.test(text) && !HALF_PAREN.test(text);
}

/**
 * `（一）强化安全责任落实。一是压实…；二是压实…。` → action `（一）强化安全责任落实`,
 * tasks 1 and 2. Text between the heading and `一是` stays as a paragraph.
 */
function splitInline(text: string, at: Paragraph): { blocks: Block[]; tasks: Array<Extract<Block, { kind: 'task' }>> } | null {
  const items = [...text.matchAll(INLINE_ITEM)];
  if (items.length < 2 || chineseNumber(items[0]![1]!) !== 1) return null;
  const head = text.slice(0, items[0]!.index).trim();
  const heading = /^([（(][一二三四五六七八九十]+[）)][^。；：:]{1,40})(?:[。：:]|$)/.exec(head);
  const blocks: Block[] = [];
  const title = heading ? heading[1]! : head;
  blocks.push({ kind: 'action', text: title, at });
  const intro = head.slice(title.length).replace(/^[。：:]/, '').trim();
  if (intro) blocks.push({ kind: 'paragraph', text: intro, at });
  return { blocks, tasks: inlineTasks(text.slice(items[0]!.index), at) };
}

function inlineTasks(text: string, at: Paragraph): Array<Extract<Block, { kind: 'task' }>> {
  const items = [...text.matchAll(INLINE_ITEM)];
  return items.map((m, k) => {
    const start = m.index + m[0].length;
    const end = items[k + 1]?.index ?? text.length;
    return { kind: 'task' as const, number: chineseNumber(m[1]!), marker: m[0].trim(), paragraphs: [text.slice(start, end).trim()], at };
  });
}

/** A closing line: a date, `附件：…`, or the issuing body above its date. */
function isSignature(body: Paragraph[], i: number): boolean {
  const text = body[i]!.text;
  if (isStandalone(text) || looksLikeBrokenDate(text)) return true;
  const next = body[i + 1]?.text ?? '';
  return (DATE.test(next) || looksLikeBrokenDate(next)) && [...text].length <= 30 && !/[，。；：]/.test(text);
}

/**
 * A heading line is short and carries no sentence (a closing 。 is allowed).
 * Its two halves may stand either side of a comma (`二、压实安全责任，筑牢安全
 * 防线`), but a comma with a closing 。 is a run-in sentence
 * (`（一）落实党政领导责任，每季度召开会议。`). A bracket of unit labels
 * closing the line (`（一）燃气安全整治行动（牵头单位：县住建局；配合单位：…）`)
 * is not part of the heading's wording.
 */
export function isHeading(text: string): boolean {
  const wording = text.replace(HEADING_UNITS, '');
  if ([...wording].length > 40 || /[。；：]./u.test(wording)) return false;
  const halves = wording.replace(/。$/u, '').split('，');
  return halves.length === 1 || (halves.length <= 3 && !wording.endsWith('。') && halves.every((half) => [...half].length >= 2 && [...half].length <= 20));
}

/** `（牵头单位：…；配合单位：…）` closing a heading line. */
const HEADING_UNITS = /[（(](?:牵头|责任|配合|主责|主办|协办|参与)(?:单位|部门)[：:][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]$/u;

/** `8项“常态化行动”：`, `专项化行动：`: names a run of actions. */
function isSeries(text: string): boolean {
  return [...text].length <= 20 && /行动[”"]?[：:]?$/.test(text) && !/[。，；]/.test(text);
}

/** True when tasks come before the next section or action. */
function taskFollows(body: Paragraph[], from: number, numbering: Numbering, regions: Region[]): boolean {
  for (let j = from + 1; j < body.length; j++) {
    const text = body[j]!.text;
    if (regions[j] !== 'task') return false;
    if (taskStart(text, numbering, 0) || (numbering === 'number' && BARE_TASK.test(text)) || (numbering === 'inline' && startsInline(text))) return true;
    if (SECTION.test(text) || (ACTION.test(text) && isHeading(text))) return ACTION.test(text) && isSeries(body[from]!.text);
  }
  return false;
}
