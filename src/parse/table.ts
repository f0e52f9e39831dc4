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
  /** The grouping cell (重点任务) when the table has one as well as a task text column. */
  group: string | null;
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
  unitColumns: Array<{ i: number; role: UnitRole | null }>;
  timeAt: number;
}

/** The columns of a task table's header, or null when it is not one. */
export function taskTableHeader(cells: string[]): TaskTableHeader | null {
  const header = cells.map((cell) => cell.replace(/\s+/gu, ''));
  const numberAt = header.findIndex((h) => NUMBER.test(h));
  const texts = TASK_TEXT.map((re) => header.findIndex((h) => re.test(h)));
  const [specific = -1, grouping = -1] = texts;
  const taskAt = specific >= 0 ? specific : grouping;
  if (numberAt < 0 || taskAt < 0) return null;
  const groupAt = specific >= 0 && grouping >= 0 && grouping < specific ? grouping : -1;
  const unitColumns = header.flatMap((h, i) => (UNIT.test(h) && i !== taskAt ? [{ i, role: columnRole(h) }] : []));
  const timeAt = header.findIndex((h) => TIME.test(h));
  return { numberAt, taskAt, groupAt, unitColumns, timeAt };
}

/** The rows of a task table, or null when the header is not a task table's. */
export function readTaskTable(table: Table): TaskRow[] | null {
  const [head, ...rows] = table.children;
  if (!head) return null;
  const columns = taskTableHeader(head.children.map((cell) => nodeText(cell)));
  if (!columns) return null;
  const { numberAt, taskAt, groupAt, unitColumns, timeAt } = columns;
  let group: string | null = null;
  const out: TaskRow[] = [];
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 && row.children[i] ? nodeText(row.children[i]).trim() : '');
    const written = cell(numberAt);
    // `| 一 | 安全生产责任落实行动 | | |`: a row that names a group of the rows below.
    const heading = GROUP_ROW.exec(written);
    // `| 一、安全责任落实 | | | |`: the group's ordinal and name in the number cell, the rest blank.
    if (GROUP_TITLE.test(written) && row.children.every((_, i) => i === numberAt || cell(i) === '')) {
      group = written;
      continue;
    }
    if (heading || (written === '' && out.length === 0 && cell(taskAt) !== '' && unitColumns.every(({ i }) => cell(i) === '') && cell(timeAt) === '')) {
      group = [cell(taskAt), ...row.children.map((_, i) => cell(i))].find((t, i) => t !== '' && (i === 0 || t !== written)) ?? group;
      continue;
    }
    const digits = /^\s*(\d+)\s*[.．、]?\s*$/u.exec(written);
    const number = digits ? Number(digits[1]) : null;
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
    out.push({ number, written, group: groupAt >= 0 || group !== null ? group : null, text: cell(taskAt), cells: { units, time: cell(timeAt) || null }, row });
  }
  return out;
}

const GROUP_ROW = /^[（(]?[一二三四五六七八九十]+[）)、.．]?$/u;
const GROUP_TITLE = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．])\s*\S/u;

function columnRole(header: string): UnitRole | null {
  if (/牵头|主责|主办/u.test(header)) return 'lead';
  if (/配合|协助|参与|协同|协办/u.test(header)) return 'support';
  if (/落实/u.test(header)) return 'implement';
  // 责任单位: the role is read from the cell (`区应急局牵头`), as the text would say it.
  return null;
}
