/**
 * Splits the document into cover and body blocks, actions and tasks.
 *
 * ```markdown
 * 松府岳办〔2024〕13号            → cover: paragraph
 * # 岳阳街道……实施方案            → body: heading (depth 1)
 * ### 8项“常态化行动”：            → body: heading; series '常态化行动'
 * ### （一）开展……提升行动         → body: action 1 { ordinal '（一）', series '常态化行动' }
 * 1. **进一步强化党委政府责任**。…  → body: task 1 { action 1, marked '进一步强化党委政府责任' }
 * ```
 * The task number is read from the source text at the list item, so
 * duplicates and gaps survive for the numbering check. A `###` ordinal
 * heading becomes an action only once a task follows it.
 */
import type { Nodes, Root, RootContent, Table } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import type { Action, Block, Place } from '../model/schema.ts';
import type { Structure, TaskDraft } from './draft.ts';
import { report } from './report.ts';
import { readTaskTable } from './table.ts';
import { attachAnnex } from './annex.ts';
import { renumberRestarts } from './restarts.ts';
import { itemParagraphs, markedLead, readNumber, splitLines } from './list-item.ts';
import { flowText, nodeText, ORDINAL, stripEndPunctuation } from './text.ts';
import { labelBlockStart, readLabels } from './labels.ts';
import { ABOUT_ALL_TASKS, ANNEX_LINE } from '../model/document.ts';

export default function remarkPlanStructure() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const out: Structure = { cover: [], body: [], actions: [], tasks: [] };
    let titles = 0;
    let series: string | null = null;
    let pending: { ordinal: string; title: string; place: Place; list: Block[]; at: number; units?: string } | null = null;
    let current: Action | null = null;
    let group: string | null = null;
    const outside: TaskDraft[] = [];
    const blocks = () => (titles > 0 ? out.body : out.cover);

    const actionForTask = (): Action | null => {
      if (pending) {
        current = { index: out.actions.length + 1, series, ordinal: pending.ordinal, title: pending.title, tasks: [], place: pending.place };
        out.actions.push(current);
        if (pending.units) (out.actionUnits ??= new Map()).set(current.index, pending.units);
        pending.list[pending.at] = { kind: 'action', index: current.index, place: pending.place };
        pending = null;
      }
      return current;
    };

    const addTask = (number: number | null, paragraphs: string[], node: Nodes, extra: Pick<TaskDraft, 'marked' | 'table'> & { label?: string | undefined }, written: string) => {
      const place = placeOf(node);
      if (number === null || number === 0) {
        report(file, 'error', number === 0 ? 'task-number-zero' : 'task-number-missing', node.position,
          number === 0 ? '任务序号是 0：序号从 1 开始' : '这一条任务没有可读的序号',
          number === 0 ? '按原文核对序号；若原文确为 0，请改为正确的序号。' : '任务写成“12. 任务内容”（表格中在“序号”列写数字）。');
        blocks().push({ kind: 'paragraph', text: paragraphs.join('\n'), place });
        return;
      }
      if (/^0\d/u.test(written)) {
        report(file, 'warning', 'task-number-leading-zero', node.position, `任务序号“${written}”有前导零，按 ${number} 读取`,
          `写成“${number}.”；页面地址和引用都用 ${number}。`);
      }
      const action = actionForTask();
      const { label = String(number), ...rest } = extra;
      const task: TaskDraft = { number, label, action: action?.index ?? null, paragraphs, place, ...rest };
      out.tasks.push(task);
      if (action) action.tasks.push(number);
      else outside.push(task);
      blocks().push({ kind: 'task', number, place });
    };

    visit(tree, (node, _index, parent) => {
      if (node.type === 'root') return;
      if (parent !== tree) return SKIP;
      const child = node as RootContent;
      const place = placeOf(child);
      if (child.type === 'yaml' || child.type === 'definition' || child.type === 'thematicBreak') return SKIP;
      if (child.type === 'heading') {
        const text = nodeText(child).trim();
        if (child.depth === 1) {
          titles += 1;
          if (titles > 1) {
            report(file, 'error', 'multiple-titles', child.position, `出现了第 ${titles} 个一级标题“${text}”`,
              '一个方案只能有一个以 # 开头的标题（方案本身的标题）；其他标题改用 ## 或 ###。');
          }
        }
        if (child.depth <= 3) {
          pending = null;
          current = null;
          group = null;
        }
        if (child.depth <= 2) series = null;
        blocks().push({ kind: 'heading', depth: child.depth, text, place });
        const list = blocks();
        const at = list.length - 1;
        if (child.depth === 3) {
          const ordinal = ORDINAL.exec(text);
          if (ordinal) pending = { ordinal: `（${ordinal[1]}）`, ...headingUnits(stripEndPunctuation(text.slice(ordinal[0].length))), place, list, at };
          else series = seriesName(text);
        } else if (child.depth === 2) {
          // `## 一、压紧压实安全生产责任` followed directly by tasks: the section is their action.
          const section = SECTION_ORDINAL.exec(text);
          const { title, units } = headingUnits(section ? stripEndPunctuation(text.slice(section[0].length)) : '');
          if (section && !GENERIC_SECTION.test(title)) pending = { ordinal: `${section[1]}、`, title, place, list, at, ...(units ? { units } : {}) };
        }
        return SKIP;
      }
      if (child.type === 'list' && child.ordered) {
        for (const item of child.children) {
          const number = readNumber(source, item);
          addTask(number?.value ?? null, itemParagraphs(item), item, { marked: markedLead(item), table: null }, number?.written ?? '');
        }
        return SKIP;
      }
      if (child.type === 'table') {
        const rows = readTaskTable(child);
        // Rows numbered on from the body's tasks (`10.` … then a table of 11, 12) are more tasks, not an annex about them.
        const last = out.tasks.reduce((n, t) => Math.max(n, t.number), 0);
        const continues = rows?.every((r) => r.number !== null && r.number > last) ?? false;
        if (rows && out.tasks.length > 0 && !continues && attachAnnex(out.tasks, rows, file)) {
          blocks().push(tableBlock(child, place));
        } else if (!rows) {
          blocks().push(tableBlock(child, place));
        } else {
          for (const row of rows) {
            if (row.group !== null && row.group !== group) {
              group = row.group;
              const list = blocks();
              list.push({ kind: 'heading', depth: 3, text: row.group, place: placeOf(row.row) });
              pending = { ordinal: '', title: row.group, place: placeOf(row.row), list, at: list.length - 1 };
            }
            // A row named in its own column: the name leads its text, as a marked title (`**名称**。措施`).
            const text = row.name && !row.text.startsWith(row.name) ? `${row.name}。${row.text}` : row.text;
            addTask(row.number, splitLines(text), row.row, { marked: row.name, table: row.cells, label: row.label }, row.written);
          }
        }
        return SKIP;
      }
      if (child.type === 'list') {
        for (const item of child.children) blocks().push({ kind: 'paragraph', text: itemParagraphs(item).join('\n'), place: placeOf(item) });
        return SKIP;
      }
      const text = flowText(child).trim();
      // `（牵头单位：…；配合单位：…）` on a line of its own under an action heading: the units of its tasks.
      if (pending && !pending.units && isUnitLine(text)) pending.units = text.replace(/^[（(]|[）)]$/gu, '');
      // `以上任务由区应急局牵头，区住建委配合。` after an action's tasks: the units of those that name none.
      if (current && !pending && ABOUT_ALL_TASKS.test(text) && !out.actionUnits?.has(current.index)) (out.actionUnits ??= new Map()).set(current.index, text);
      // `附件` on a line of its own, no task yet: the annexes begin, and their task table belongs to no section of the body (保障措施…).
      if (out.tasks.length === 0 && ANNEX_LINE.test(text)) {
        pending = null;
        current = null;
        group = null;
      }
      if (text) blocks().push({ kind: 'paragraph', text, place });
      return SKIP;
    });

    // A plan may list its tasks with no action level at all; a task outside
    // the actions of a plan that has them is misplaced.
    if (out.actions.length > 0) {
      for (const task of outside) {
        report(file, 'error', 'task-outside-action', task.place, `任务 ${task.number} 不在任何行动之下，而方案的其他任务都在行动之下`,
          '在任务前加上“### （一）行动名称”这样的行动标题，或把它移到所属行动的标题之后。');
      }
    }
    renumberRestarts(out);
    if (titles === 0 && out.cover.length > 0) {
      report(file, 'error', 'missing-title', { line: 1, column: 1 }, '没有以 # 开头的方案标题',
        '在方案正文前加一行“# 方案标题”；它之前的内容是印发通知，之后是方案正文。');
      out.body = out.cover;
      out.cover = [];
    }
    file.data.structure = out;
  };
}

const SECTION_ORDINAL = /^\s*([一二三四五六七八九十]+)\s*[、．.]\s*/u;
/**
 * Section titles that only say "the tasks follow", made of these words alone
 * (主要任务, 重点工作安排, 整治重点和措施): their tasks have no action of their own.
 */
const GENERIC_SECTION = /^(?:主要|重点|具体|整治|专项|工作|任务|措施|内容|行动|安排|清单|分工|目标|举措|和|及|与)+$/u; // 重点工作安排, 整治重点和措施

function tableBlock(table: Table, place: Place): Block {
  return { kind: 'table', rows: table.children.map((row) => row.children.map((cell) => nodeText(cell).trim())), place };
}

function placeOf(node: { position?: { start: { line: number; column: number } } }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** `8项“常态化行动”：` → `常态化行动`. */
function seriesName(text: string): string {
  return text.replace(/^\s*[\d一二三四五六七八九十]+\s*项/u, '').replace(/[“”"'‘’「」『』：:。\s]/gu, '') || text;
}

/** `城镇燃气安全整治专项行动（牵头单位：县住建局；配合单位：…）` → the title, and the labels of its closing bracket. */
function headingUnits(heading: string): { title: string; units?: string } {
  const bracket = /[（(]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]$/u.exec(heading);
  if (!bracket || !isUnitLine(bracket[1]!)) return { title: heading };
  return { title: heading.slice(0, bracket.index).trim(), units: bracket[1]! };
}

/** A text that is only unit labels (`牵头单位：X；配合单位：Y`, in brackets or not). */
function isUnitLine(text: string): boolean {
  const inner = text.replace(/^[（(]|[）)]$/gu, '').trim();
  if (labelBlockStart(inner) !== 0) return false;
  const labels = readLabels(inner);
  return labels.length > 0 && labels.every((label) => label.kind === 'unit');
}
