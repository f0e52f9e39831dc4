/**
 * Split a plan file (the content format of README "Content format") into
 * front matter, plain text, and actions with their numbered tasks, so the
 * generator can reshape tasks and write the file back out.
 *
 * ```markdown
 * ### （一）开展……行动        → { kind: 'action', heading, items: [...] }
 *
 * 1. **标题**。内容……           → { kind: 'task', paragraphs: ['**标题**。内容……', '第二段'] }
 *
 *    第二段
 * ```
 */
import { parse as parseYaml } from 'yaml';

export interface TaskItem {
  kind: 'task';
  paragraphs: string[];
}
export interface TextItem {
  kind: 'text';
  lines: string[];
}
export interface ActionSegment {
  kind: 'action';
  heading: string;
  items: (TaskItem | TextItem)[];
}
export type Segment = TextItem | ActionSegment;

export interface SegmentedPlan {
  frontMatter: Record<string, unknown>;
  segments: Segment[];
}

const ACTION = /^###\s+（[一二三四五六七八九十]+）/;
const TASK = /^\d+[.．]\s+(.*)$/;

export function segmentPlan(markdown: string): SegmentedPlan {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(markdown);
  if (!match) throw new Error('plan file has no front matter');
  const frontMatter = parseYaml(match[1]!) as Record<string, unknown>;
  const segments: Segment[] = [];
  let action: ActionSegment | null = null;
  let task: TaskItem | null = null;
  const text = (line: string) => {
    const items: (TaskItem | TextItem | Segment)[] = action ? action.items : segments;
    const last = items.at(-1);
    if (last?.kind === 'text') last.lines.push(line);
    else if (line.trim() !== '') items.push({ kind: 'text', lines: [line] });
  };

  for (const line of markdown.slice(match[0].length).split(/\r?\n/)) {
    if (/^#{1,3}\s/.test(line)) {
      task = null;
      action = ACTION.test(line) ? { kind: 'action', heading: line, items: [] } : null;
      if (action) segments.push(action);
      else text(line);
      continue;
    }
    const start = action ? TASK.exec(line) : null;
    if (start) {
      task = { kind: 'task', paragraphs: [start[1]!] };
      action!.items.push(task);
    } else if (task && line.trim() === '') {
      continue;
    } else if (task && /^\s{2,}\S/.test(line)) {
      task.paragraphs.push(line.trim());
    } else {
      task = null;
      text(line);
    }
  }
  return { frontMatter, segments };
}
