import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderBody } from '../../../src/corpus/render.ts';
import { segmentPlan, type ActionSegment } from '../../../src/corpus/segment.ts';

const markdown = readFileSync(new URL('../../fixtures/corpus/yueyang.md', import.meta.url), 'utf8');

describe('segmentPlan', () => {
  const { frontMatter, segments } = segmentPlan(markdown);
  const actions = segments.filter((segment): segment is ActionSegment => segment.kind === 'action');

  test('reads the front matter', () => {
    expect(frontMatter).toMatchObject({ id: 'yueyang', name: '岳阳街道', period: [2024, 2026] });
  });

  test('finds every action heading with an ordinal and every numbered task under it', () => {
    expect(actions[0]!.heading).toBe('### （一）开展安全生产责任落实提升行动');
    const tasks = actions.flatMap((action) => action.items.filter((item) => item.kind === 'task'));
    expect(tasks).toHaveLength(markdown.match(/^\d+\. /gm)!.length);
    expect(tasks[0]).toMatchObject({ paragraphs: [expect.stringMatching(/^\*\*进一步强化党委政府责任\*\*。/)] });
  });

  test('keeps a series heading without an ordinal as text', () => {
    const text = segments.filter((segment) => segment.kind === 'text').flatMap((segment) => segment.lines);
    expect(text.some((line) => line.startsWith('### 8项'))).toBe(true);
  });

  test('writes the same tasks back out when nothing is changed', () => {
    const body = renderBody(segments, { restart: false, tables: new Map(), defaultDeadline: '2026年底前' });
    expect(body.match(/^\d+\. .*$/gm)).toEqual(markdown.match(/^\d+\. .*$/gm));
    expect(body).toContain('## 一、总体要求');
  });
});

describe('segmentPlan continuation paragraphs', () => {
  test('reads an indented paragraph as the next paragraph of the same task', () => {
    const source = '---\nid: a\n---\n\n### （一）行动\n\n1. **甲**。第一段。\n\n   第二段。\n\n2. 乙。\n\n## 三、保障措施\n';
    const { segments } = segmentPlan(source);
    const action = segments.find((segment): segment is ActionSegment => segment.kind === 'action')!;
    expect(action.items).toEqual([
      { kind: 'task', paragraphs: ['**甲**。第一段。', '第二段。'] },
      { kind: 'task', paragraphs: ['乙。'] },
    ]);
    const body = renderBody(segments, { restart: false, tables: new Map(), defaultDeadline: '' });
    expect(body).toContain('1. **甲**。第一段。\n\n   第二段。\n\n2. 乙。\n\n## 三、保障措施');
  });
});
