import { describe, expect, test } from 'vitest';
import { importPlan } from '../../../src/import/index.ts';
import { isKnownConfusable } from '../../../src/import/confusables.ts';
import { hasMarkup, lineArtifact, stripMarkup } from '../../../src/import/artifacts.ts';
import { HEADING_END, PLAN_IDS, markdownText, rawPlan } from './plans.ts';

/**
 * Documented changes beyond whitespace, artifacts and confusables: the stray
 * `》` in xiangxiang's plan title (reported as import-title-artifact).
 */
const TITLE_FIXES: Record<string, { line: number; remove: string }> = {
  xiangxiang: { line: 19, remove: '》' },
};

/** Half-width ordinal and title brackets are written full-width. */
function brackets(text: string): string {
  return text.replace(/\(/g, '（').replace(/\)/g, '）');
}

function sourceText(id: string, fixes: { line: number; column: number; from: string; to: string }[]): string {
  const lines = new TextDecoder().decode(rawPlan(id)).replace(/\r\n?/g, '\n').split('\n');
  const markup = hasMarkup(lines);
  const kept = lines.map((raw, index) => {
    const number = index + 1;
    let chars = [...raw];
    for (const fix of fixes.filter((f) => f.line === number)) {
      expect(chars[fix.column - 1]).toBe(fix.from);
      chars[fix.column - 1] = fix.to;
    }
    let text = chars.join('');
    if (lineArtifact(text)) return '';
    if (markup) text = stripMarkup(text).text;
    const titleFix = TITLE_FIXES[id];
    if (titleFix && titleFix.line === number) text = text.replace(titleFix.remove, '');
    return text;
  });
  // Task markers `1．` are written `1.`.
  return brackets(kept.join('').replace(/\s+/g, '').replace(/．/g, '.'));
}

/** Compares, letting the Markdown drop a 。 or ： just before a heading's end. */
function firstDifference(source: string, markdown: string): string | null {
  let i = 0;
  let j = 0;
  while (i < source.length || j < markdown.length) {
    if (markdown[j] === HEADING_END) {
      if (source[i] === '。' || source[i] === '：') i++;
      j++;
      continue;
    }
    if (source[i] !== markdown[j]) {
      return `source …${source.slice(Math.max(0, i - 30), i)}[${source.slice(i, i + 30)}] vs markdown […${markdown.slice(j, j + 30).replaceAll(HEADING_END, '¶')}]`;
    }
    i++;
    j++;
  }
  return null;
}

describe('importPlan on the five plans', () => {
  for (const id of PLAN_IDS) {
    test(`keeps every character of ${id} and adds none`, () => {
      const result = importPlan(rawPlan(id), { id, path: `${id}.txt` });
      expect(result.markdown).not.toBeNull();
      for (const fix of result.fixes) expect(isKnownConfusable(fix.from, fix.to)).toBe(true);
      const source = sourceText(id, result.fixes);
      const markdown = brackets(markdownText(result.markdown!).replace(/\s+/g, ''));
      expect(firstDifference(source, markdown)).toBeNull();
      expect(source.length).toBeGreaterThan(4000);
    });
  }

  test('the comparison catches a dropped, an added and a changed character', () => {
    const result = importPlan(rawPlan('puxinglu'), { id: 'puxinglu', path: 'p' });
    const source = sourceText('puxinglu', result.fixes);
    const text = (md: string) => brackets(markdownText(md).replace(/\s+/g, ''));
    const md = result.markdown!;
    expect(firstDifference(source, text(md.replace('对于能立即整改', '对于能立整改')))).not.toBeNull();
    expect(firstDifference(source, text(md.replace('对于能立即整改', '对于能立即即整改')))).not.toBeNull();
    expect(firstDifference(source, text(md.replace('对于能立即整改', '对于能马上整改')))).not.toBeNull();
    expect(firstDifference(source, text(`${md}\n新增一段。\n`))).not.toBeNull();
  });

  test('reports each confusable fix with its raw line and column', () => {
    const result = importPlan(rawPlan('xiangxiang'), { id: 'xiangxiang', path: 'xiangxiang.txt' });
    const fixes = result.messages.filter((m) => m.rule === 'import-confusable');
    expect(fixes.map((m) => [m.line, m.column, m.severity])).toEqual([
      [69, 131, 'warning'],
      [71, 12, 'warning'],
      [71, 249, 'warning'],
    ]);
    expect(fixes[0]!.message).toContain('“爲”');
    expect(fixes[1]!.message).toContain('“カ”');
    expect(result.markdown).toContain('提升基层应急管理能力');
    expect(result.markdown).not.toMatch(/[カ爲]/);
  });
});
