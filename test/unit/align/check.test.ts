import { describe, expect, test } from 'vitest';
import { checkAlignmentFile } from '../../../src/align/check.ts';

const plans = [
  { id: 'yueyang', tasks: [7, 8, 9].map((n) => ({ id: `yueyang-${n}`, plan: 'yueyang', number: n, action: 1, title: '', text: '' })) },
  { id: 'xiangxiang', tasks: [{ id: 'xiangxiang-1', plan: 'xiangxiang', number: 1, action: 1, title: '', text: '' }] },
  { id: 'changning', tasks: [{ id: 'changning-11', plan: 'changning', number: 11, action: 1, title: '', text: '' }] },
];
const FILE = 'test/fixtures/align/bad-curation.yml';

describe('checkAlignmentFile', () => {
  test('reports unknown task ids, a pinned row with two tasks of one plan, a pair both pinned and split and unknown keys, with lines', async () => {
    const messages = await checkAlignmentFile(FILE, plans);
    const found = messages.map((m) => `${m.line}:${m.column} ${m.rule}`);
    expect(found).toEqual([
      '3:17 alignment-same-plan',
      '4:6 alignment-unknown-task',
      '6:5 alignment-contradiction',
      '7:1 alignment-unknown-key',
    ]);
    for (const m of messages) {
      expect(m.file).toBe(FILE);
      expect(m.severity).toBe('error');
      expect(m.hint.length).toBeGreaterThan(0);
    }
  });

  test('accepts the project curation file', async () => {
    const { loadPlans } = await import('../../../src/load/plans.ts');
    const { plans: real } = await loadPlans('content/plans');
    expect(await checkAlignmentFile('content/alignment.yml', real)).toEqual([]);
  });

  test('reports a YAML syntax error at its line', async () => {
    const { checkCuration } = await import('../../../src/align/check.ts');
    const messages = checkCuration('pin:\n  - [yueyang-7, xiangxiang-1\n', 'x.yml', plans);
    expect(messages[0]).toMatchObject({ file: 'x.yml', rule: 'alignment-yaml' });
    expect(messages[0].line).toBeGreaterThanOrEqual(2);
  });
});
