/**
 * Recognises a table that lists tasks and reads its rows.
 *
 * ```markdown
 * | 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 | 完成时限 |
 * | --- | --- | --- | --- | --- | --- |
 * | 1 | 道路运输安全整治 | 严格…闭环处置。 | 区交通委 | 区公安分局交警支队 | 2024年12月31日前 |
 * | 2 |  | 推动重型货车…全覆盖。 | 区交通委 | 区运管署 | 2025年底前 |
 * ```
 * → rows `{ number: 1, group: '道路运输安全整治', text: '严格…闭环处置。', units: [{text:'区交通委', role:'lead'}, …], time: '2024年12月31日前' }`,
 *   `{ number: 2, group: '道路运输安全整治', … }`: a blank grouping cell means "same as above".
 *
 * Header words vary between offices; they are kept here as data.
 */
import type { Table } from 'mdast';
import type { UnitRole } from '../model/schema.ts';
import type { TableCells } from './draft.ts';
import { nodeText } from './text.ts';

export interface TaskRow {
  number: number | null;
  /** The number cell as written (`007`, `1-2`), for messages. */
  written: string;
  /** `1-2` (the second task of the first group), kept as the task's label; its number runs on through the table. */
  label?: string;
  /** The grouping cell (重点任务) when the table has one as well as a task text column. */
  group: string | null;
  /**
   * The row's own name when the 重点任务 column names each row on its own
   * (a different name in every numbered row, none left blank): the task's
   * title, its text the 具体措施 cell. Null otherwise.
   */
  name: string | null;
  text: string;
  cells: TableCells;
  row: Table['children'][number];
}

const NUMBER = /^(?:序号|编号|序)$/u;
/** Task text columns, most specific first: with two of them, the first is the task and the other groups. */
const TASK_TEXT = [
  /^(?:具体措施|工作措施|主要措施|具体任务|任务措施|措施内容|具体内容|主要内容|任务内容|工作内容|工作任务|任务|任务事项|工作事项|整治内容|整治措施|重点工作|主要工作|目标任务)$/u,
  /^(?:重点任务|主要任务|任务名称|工作重点|整治重点|行动名称|任务分类|类别|项目)$/u,
];
const UNIT = /(?:单位|部门|责任主体|责任人|主体)$/u;
const TIME = /(?:时限|时间节点|完成时间|时间|进度安排|完成期限)$/u;

export interface TaskTableHeader {
  numberAt: number;
  taskAt: number;
  groupAt: number;
  /** `类别 | 重点任务 | 具体措施`: the second grouping-word column names each row (its title); -1 otherwise. */
  nameAt: number;
  unitColumns: Array<{ i: number; role: UnitRole | null }>;
  timeAt: number;
}

/** The columns of a task table's header, or null when it is not one. */
export function taskTableHeader(cells: string[]): TaskTableHeader | null {
  const header = cells.map((cell) => cell.replace(/\s+/gu, ''));
  const numberAt = header.findIndex((h) => NUMBER.test(h));
  const [specific = -1, grouping = -1] = TASK_TEXT.map((re) => header.findIndex((h) => re.test(h)));
  // `类别 | 序号 | 重点任务`: two grouping-word columns, the later one holds the task.
  const lastGrouping = header.findLastIndex((h) => TASK_TEXT[1]!.test(h));
  const taskAt = specific >= 0 ? specific : lastGrouping;
  if (numberAt < 0 || taskAt < 0) return null;
  const groupAt = grouping >= 0 && grouping < taskAt ? grouping : -1;
  const nameAt = groupAt >= 0 && lastGrouping > groupAt && lastGrouping < taskAt ? lastGrouping : -1;
  const unitColumns = header.flatMap((h, i) => (UNIT.test(h) && i !== taskAt ? [{ i, role: columnRole(h) }] : []));
  const timeAt = header.findIndex((h) => TIME.test(h));
  return { numberAt, taskAt, groupAt, nameAt, unitColumns, timeAt };
}

/** The rows of a task table, or null when the header is not a task table's. */
export function readTaskTable(table: Table): TaskRow[] | null {
  const [head, ...body] = table.children;
  if (!head) return null;
  const texts = (row: Table['children'][number]) => row.children.map((cell) => nodeText(cell).trim());
  const sub = body[0] && subHeader(texts(head), texts(body[0]));
  const header = sub ?? texts(head);
  const columns = taskTableHeader(header);
  if (!columns) return null;
  const rows = sub ? body.slice(1) : body;
  const { numberAt, taskAt, groupAt, nameAt, unitColumns, timeAt } = columns;
  // `| 重点任务 | 2024年 | 2025年 | 2026年 |`: each year's target, a line of the task's text that dates it.
  const years = header.flatMap((h, i) => {
    const year = YEAR.exec(h.replace(/\s+/gu, ''));
    return year && i !== taskAt ? [{ i, year: year[1]! }] : [];
  });
  let group: string | null = null;
  // The group named by the last group row (`| 一、责任体系建设 | | |`), whatever the 重点任务 cells say.
  let groupRowAbove: string | null = null;
  const headed = new Map<Table['children'][number], string | null>();
  const out: TaskRow[] = [];
  const flat = (row: Table['children'][number]) => texts(row).map((h) => h.replace(/\s+/gu, '')).join('\t');
  const headerText = flat(head);
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 && row.children[i] ? nodeText(row.children[i]).trim() : '');
    // The header again, as a table set over several pages repeats it: no task.
    if (flat(row) === headerText) continue;
    const written = cell(numberAt);
    // `| 一 | 安全生产责任落实行动 | | |`: a row that names a group of the rows below.
    const heading = GROUP_ROW.exec(written);
    // `| 一、安全责任落实 | | | |`: the group's ordinal and name in the number cell, the rest blank.
    if (GROUP_TITLE.test(written) && row.children.every((_, i) => i === numberAt || cell(i) === '')) {
      group = groupRowAbove = written;
      continue;
    }
    // `| 安全生产责任落实行动 | | | |`: one cell merged across the table.
    const across = cell(0) !== '' && row.children.every((_, i) => i === 0 || cell(i) === '');
    if (heading || across || (written === '' && out.length === 0 && cell(taskAt) !== '' && unitColumns.every(({ i }) => cell(i) === '') && cell(timeAt) === '')) {
      group = groupRowAbove = [cell(taskAt), ...row.children.map((_, i) => cell(i))].find((t, i) => t !== '' && (i === 0 || t !== written)) ?? group;
      continue;
    }
    const digits = /^\s*(\d+)\s*[.．、]?\s*$/u.exec(written);
    // `1-1`, `1-2`, `2-1`: numbered within groups; the tasks are counted through the table.
    const dashed = /^\s*\d{1,2}\s*[-—–－]\s*\d{1,3}\s*$/u.test(written);
    const number = digits ? Number(digits[1]) : dashed ? out.length + 1 : null;
    headed.set(row, heading || across ? group : groupRowAbove);
    if (groupAt >= 0) group = cell(groupAt) || group;
    const units = unitColumns.map(({ i, role }) => ({ text: cell(i), role })).filter((u) => u.text !== '');
    const previous = out.at(-1);
    // A task spread over several rows (its number cell merged, or left blank below it) is one task.
    if (previous && cell(taskAt) !== '' && (written === '' || (number !== null && number === previous.number))) {
      previous.text = `${previous.text}\n${cell(taskAt)}`;
      for (const unit of units) if (!previous.cells.units.some((u) => u.text === unit.text && u.role === unit.role)) previous.cells.units.push(unit);
      const time = cell(timeAt);
      if (time && time !== previous.cells.time) previous.cells.time = previous.cells.time ? `${previous.cells.time}；${time}` : time;
      continue;
    }
    const targets = years.filter(({ i }) => cell(i) !== '').map(({ i, year }) => `${year}年：${cell(i)}`);
    const name = cell(nameAt) || (targets.length > 0 ? cell(taskAt) : '') || null;
    const text = targets.length > 0 ? [cell(taskAt), ...targets].join('\n') : cell(taskAt);
    out.push({ number, written, ...(dashed ? { label: written.replace(/\s+/gu, '').replace(/[—–－]/u, '-') } : {}), group: groupAt >= 0 || group !== null ? group : null, name, text, cells: { units, time: cell(timeAt) || null }, row });
  }
  return groupAt >= 0 && nameAt < 0 ? namedRows(out, groupAt, headed) : out;
}

/**
 * `| 1 | 修订安全生产职责清单 | 修订街道领导班子… | …`, `| 2 | 召开安委会全体会议 | …`:
 * a 重点任务 column that differs in every numbered row and is never left
 * blank names the rows, not groups of them. Each row keeps the group of the
 * group row above it (`| 一、责任体系建设 | | |`), if any.
 */
function namedRows(rows: TaskRow[], groupAt: number, headed: Map<Table['children'][number], string | null>): TaskRow[] {
  const names = rows.map((r) => (r.row.children[groupAt] ? nodeText(r.row.children[groupAt]).trim() : ''));
  const own = rows.length >= 3 && names.every((n) => n !== '') && new Set(names).size === names.length;
  if (!own) return rows;
  return rows.map((r, i) => ({ ...r, name: names[i]!, group: headed.get(r.row) ?? null }));
}

/**
 * A header over two rows, as Word tables often have it:
 *
 * ```text
 * | 序号 | 重点任务 | 责任单位 |          | 完成时限 |
 * | 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |
 * ```
 * → the second row names the columns (`牵头单位`, `配合单位`), the first row
 * where the second repeats it or is empty. Null when the second row is data.
 */
function subHeader(head: string[], next: string[]): string[] | null {
  const words = (cells: string[]) => cells.filter((cell) => UNIT.test(cell) || TIME.test(cell) || YEAR.test(cell) || TASK_TEXT.some((re) => re.test(cell))).length;
  const differs = next.some((cell, i) => cell !== '' && cell !== head[i]);
  if (!differs || next.some((cell) => /^\d+[.．、]?$/u.test(cell)) || words(next) <= words(head.filter((cell, i) => cell === next[i]))) return null;
  return head.map((cell, i) => next[i] || cell);
}

const GROUP_ROW = /^[（(]?[一二三四五六七八九十]+[）)、.．]?$/u;
/** `2024年`, `2025年度`: a column of the targets due in that year. */
const YEAR = /^(\d{4})\s*年度?$/u;
const GROUP_TITLE = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．])\s*\S/u;

function columnRole(header: string): UnitRole | null {
  if (/牵头|主责|主办/u.test(header)) return 'lead';
  if (/配合|协助|参与|协同|协办/u.test(header)) return 'support';
  if (/落实/u.test(header)) return 'implement';
  // 责任单位: the role is read from the cell (`区应急局牵头`), as the text would say it.
  return null;
}
