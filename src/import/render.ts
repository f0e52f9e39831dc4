/**
 * Writes blocks as the content format: front matter, cover paragraphs, one
 * `#` title, `##` sections, `###` series and actions, ordered-list tasks with
 * `**lead**。` and continuation paragraphs indented under the item.
 */
import type { FrontMatter } from '../model/schema.ts';
import type { Block } from './structure.ts';
import { escapeText } from './escape.ts';
import { findLead } from './lead.ts';

/**
 * The Markdown and, for each of its lines (1-based), the input line its block
 * came from (0 for the front matter), so a problem found in the Markdown can
 * be shown where it is in the input.
 */
export function render(front: FrontMatter, blocks: Block[]): { markdown: string; origin: (line: number) => number } {
  const parts: string[] = [frontMatter(front)];
  const origins: number[] = parts[0]!.split('\n').map(() => 0);
  for (const block of blocks) {
    renderBlock(parts, block);
    const lines = parts.at(-1)!.split('\n').length;
    origins.push(block.at.line); // the blank line before the block
    // A table's rows are consecutive input lines (its second Markdown line is the `---` row).
    for (let i = 0; i < lines; i++) origins.push(block.at.line + (block.kind === 'table' ? Math.max(0, i - 1) : 0));
  }
  return { markdown: `${parts.join('\n\n')}\n`, origin: (line) => origins[line - 1] ?? 0 };
}

function renderBlock(parts: string[], block: Block): void {
  switch (block.kind) {
    case 'cover':
    case 'paragraph':
      parts.push(escapeText(block.text));
      break;
    case 'notice-title':
      parts.push(`## ${escapeText(block.text)}`);
      break;
    case 'title':
      parts.push(`# ${escapeText(block.text)}`);
      break;
    case 'section':
    case 'action':
    case 'series':
      parts.push(`${block.kind === 'section' ? '##' : '###'} ${escapeText(headingText(block.text))}`);
      break;
    case 'task':
      parts.push(task(block.number, block.paragraphs));
      break;
    case 'table':
      parts.push(table(block.rows));
      break;
  }
}

/** Headings drop a closing 。 or ：, and write ordinals as （一）. */
function headingText(text: string): string {
  return text.replace(/[。：:]$/, '');
}

function task(number: number, paragraphs: string[]): string {
  const marker = `${number}. `;
  const indent = ' '.repeat(marker.length);
  const { lead, paragraphs: others } = findLead(paragraphs);
  const first = lead
    ? `**${escapeText(lead.phrase)}**${lead.punctuation}${escapeText(lead.rest)}`
    : escapeText(others.shift() ?? '');
  const rest = (lead ? others : others).map((p) => indent + escapeText(p));
  return [marker + first, ...rest].join('\n\n');
}

/** A GFM table; the first row is the header, short rows are padded. */
function table(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => escapeText(cells[i] ?? '').replace(/^\\([-+=])/, '$1')).join(' | ')} |`;
  const [head, ...rest] = rows;
  return [line(head!), `|${' --- |'.repeat(width)}`, ...rest.map(line)].join('\n');
}

function frontMatter(front: FrontMatter): string {
  const lines = [
    `id: ${scalar(front.id)}`,
    `name: ${scalar(front.name)}`,
    `title: ${scalar(front.title)}`,
    `jurisdiction: [${front.jurisdiction.map(scalar).join(', ')}]`,
    `level: ${scalar(front.level)}`,
    `issuer: ${scalar(front.issuer)}`,
    `docNumber: ${scalar(front.docNumber)}`,
    `issuedOn: ${scalar(front.issuedOn)}`,
    `period: [${front.period.join(', ')}]`,
  ];
  return `---\n${lines.join('\n')}\n---`;
}

/** Plain YAML when safe, else a double-quoted (JSON) string. */
function scalar(value: string | null): string {
  if (value === null) return 'null';
  const plain = /^[\p{Script=Han}\p{L}\p{N}（《“]/u.test(value) && !/[:#,\[\]{}&*!|>'"%@`]|\s$/.test(value) && !/^(?:null|true|false|~|\d[\d-]*)$/.test(value);
  return plain ? value : JSON.stringify(value);
}
