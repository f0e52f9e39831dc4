/** Shared helpers for the import tests: the five real plans and Markdown text. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';

export const PLAN_IDS = ['yueyang', 'miaohang', 'changning', 'xiangxiang', 'puxinglu'] as const;

export function fixturePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../fixtures/import/${parts.join('/')}`, import.meta.url));
}

export function rawPlan(id: string): Uint8Array {
  return readFileSync(fixturePath('plans', `${id}.txt`));
}

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(markdown);
}

/** Mark placed after each heading's text: a heading may drop a closing 。 or ：. */
export const HEADING_END = '\u0000';

/** The text content of the Markdown body (no front matter, no markup). */
export function markdownText(markdown: string): string {
  const tree = parseMarkdown(markdown);
  const blockText = (node: RootContent): string => {
    if (node.type === 'yaml') return '';
    if (node.type === 'heading') return toString(node) + HEADING_END;
    if (node.type === 'list') {
      return node.children
        .map((item) => {
          // The item's number as written (`10. `): mdast keeps only the list's start.
          const marker = /^\d+[.)]/.exec(markdown.slice(item.position!.start.offset!))![0];
          return marker + item.children.map(blockText).join('');
        })
        .join('');
    }
    return toString(node);
  };
  return tree.children.map(blockText).join('');
}
