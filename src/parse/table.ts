/**
 * Recognises a GFM table that lists tasks and reads its rows.
 *
 * ```markdown
 * | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
 * | --- | --- | --- | --- | --- |
 * | 1 | 开展……专题培训 | 区应急局 | 各街镇 | 2024年底前 |
 * ```
 * → rows `{ number: 1, text: '开展……专题培训', units: [{text:'区应急局', role:'lead'}, …], time: '2024年底前' }`.
 */
import type { Table } from 'mdast';
import type { UnitRole } from '../model/schema.ts';
import type { TableCells } from './draft.ts';
import { nodeText } from './text.ts';

export interface TaskRow {
  number: number | null;
  text: string;
  cells: TableCells;
  row: Table['children'][number];
}

const NUMBER = /^(序号|编号)$/;
const TASK = /^(任务|工作任务|任务内容|主要任务|具体任务|重点任务|工作内容|工作措施|任务措施)$/;
const UNIT = /(单位|部门|责任主体)$/;
const TIME = /(时限|时间节点|完成时间|时间)$/;

/** The rows of a task table, or null when the header is not a task table's. */
export function readTaskTable(table: Table): TaskRow[] | null {
  const [head, ...rows] = table.children;
  if (!head) return null;
  const header = head.children.map((cell) => nodeText(cell).replace(/\s+/g, ''));
  const numberAt = header.findIndex((h) => NUMBER.test(h));
  const taskAt = header.findIndex((h) => TASK.test(h));
  if (numberAt < 0 || taskAt < 0) return null;
  const unitColumns = header.flatMap((h, i) => (UNIT.test(h) && i !== taskAt ? [{ i, role: columnRole(h) }] : []));
  const timeAt = header.findIndex((h) => TIME.test(h));
  return rows.map((row) => {
    const cell = (i: number) => (i >= 0 && row.children[i] ? nodeText(row.children[i]).trim() : '');
    const digits = /^\s*(\d+)/.exec(cell(numberAt));
    return {
      number: digits ? Number(digits[1]) : null,
      text: cell(taskAt),
      cells: {
        units: unitColumns.map(({ i, role }) => ({ text: cell(i), role })).filter((u) => u.text !== ''),
        time: cell(timeAt) || null,
      },
      row,
    };
  });
}

function columnRole(header: string): UnitRole | null {
  if (/牵头/.test(header)) return 'lead';
  if (/配合|协助|参与|协同/.test(header)) return 'support';
  if (/落实/.test(header)) return 'implement';
  return null;
}
