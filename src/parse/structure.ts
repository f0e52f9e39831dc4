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
import type { Nodes, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import type { Action, Block, Place } from '../model/schema.ts';
import type { Structure, TaskDraft } from './draft.ts';
import { report } from './report.ts';
import { readTaskTable } from './table.ts';
import { itemParagraphs, markedLead, readNumber, splitLines } from './list-item.ts';
import { flowText, nodeText, ORDINAL, stripEndPunctuation } from './text.ts';

export default function remarkPlanStructure() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const out: Structure = { cover: [], body: [], actions: [], tasks: [] };
    let titles = 0;
    let series: string | null = null;
    let pending: { ordinal: string; title: string; place: Place; list: Block[]; at: number } | null = null;
    let current: Action | null = null;
    const blocks = () => (titles > 0 ? out.body : out.cover);

    const actionForTask = (): Action | null => {
      if (pending) {
        current = { index: out.actions.length + 1, series, ordinal: pending.ordinal, title: pending.title, tasks: [], place: pending.place };
        out.actions.push(current);
        pending.list[pending.at] = { kind: 'action', index: current.index, place: pending.place };
        pending = null;
      }
      return current;
    };

    const addTask = (number: number | null, paragraphs: string[], node: Nodes, extra: Pick<TaskDraft, 'marked' | 'table'>) => {
      const place = placeOf(node);
      const action = actionForTask();
      if (!action) {
        report(file, 'error', 'task-outside-action', node.position, `任务 ${number ?? '?'} 不在任何行动之下`,
          '在任务前加上“### （一）行动名称”这样的行动标题，或把它移到所属行动的标题之后。');
        blocks().push({ kind: 'paragraph', text: `${number ?? ''}. ${paragraphs.join('\n')}`, place });
        return;
      }
      if (number === null) {
        report(file, 'error', 'task-number-missing', node.position, '这一条任务没有可读的序号',
          '任务写成“12. 任务内容”（表格中在“序号”列写数字）。');
        blocks().push({ kind: 'paragraph', text: paragraphs.join('\n'), place });
        return;
      }
      out.tasks.push({ number, action: action.index, paragraphs, place, ...extra });
      action.tasks.push(number);
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
        }
        if (child.depth <= 2) series = null;
        blocks().push({ kind: 'heading', depth: child.depth, text, place });
        if (child.depth === 3) {
          const ordinal = ORDINAL.exec(text);
          if (ordinal) {
            const list = blocks();
            pending = { ordinal: `（${ordinal[1]}）`, title: stripEndPunctuation(text.slice(ordinal[0].length)), place, list, at: list.length - 1 };
          } else {
            series = seriesName(text);
          }
        }
        return SKIP;
      }
      if (child.type === 'list' && child.ordered) {
        for (const item of child.children) {
          addTask(readNumber(source, item), itemParagraphs(item), item, { marked: markedLead(item), table: null });
        }
        return SKIP;
      }
      if (child.type === 'table') {
        const rows = readTaskTable(child);
        if (!rows) {
          blocks().push({ kind: 'table', rows: child.children.map((row) => row.children.map((cell) => nodeText(cell).trim())), place });
        } else {
          for (const row of rows) addTask(row.number, splitLines(row.text), row.row, { marked: null, table: row.cells });
        }
        return SKIP;
      }
      if (child.type === 'list') {
        for (const item of child.children) blocks().push({ kind: 'paragraph', text: itemParagraphs(item).join('\n'), place: placeOf(item) });
        return SKIP;
      }
      const text = flowText(child).trim();
      if (text) blocks().push({ kind: 'paragraph', text, place });
      return SKIP;
    });

    if (titles === 0 && out.cover.length > 0) {
      report(file, 'error', 'missing-title', { line: 1, column: 1 }, '没有以 # 开头的方案标题',
        '在方案正文前加一行“# 方案标题”；它之前的内容是印发通知，之后是方案正文。');
      out.body = out.cover;
      out.cover = [];
    }
    file.data.structure = out;
  };
}

function placeOf(node: { position?: { start: { line: number; column: number } } }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** `8项“常态化行动”：` → `常态化行动`. */
function seriesName(text: string): string {
  return text.replace(/^\s*[\d一二三四五六七八九十]+\s*项/u, '').replace(/[“”"'‘’「」『』：:。\s]/gu, '') || text;
}
