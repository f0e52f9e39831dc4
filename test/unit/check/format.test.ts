import { describe, expect, test } from 'vitest';
import { checkFiles, formatMessage, formatSummary, hasErrors } from '../../../src/check/index.ts';
import type { Message } from '../../../src/model/schema.ts';

const gap: Message = {
  file: 'content/plans/changning.md', line: 212, column: 1, severity: 'error', rule: 'task-number-gap',
  message: '任务 14 接在任务 12 之后，缺少 13', hint: '按原文核对。',
};

describe('formatMessage', () => {
  test('prints file:line:column, severity, message, rule and the hint on its own line', () => {
    expect(formatMessage(gap)).toBe('content/plans/changning.md:212:1: 错误 任务 14 接在任务 12 之后，缺少 13 (task-number-gap)\n  提示：按原文核对。');
    expect(formatMessage({ ...gap, severity: 'warning' })).toContain(': 警告 ');
  });
});

describe('formatSummary', () => {
  test('counts errors and warnings', () => {
    expect(formatSummary([gap, { ...gap, severity: 'warning' }])).toBe('1 个错误，1 个警告');
    expect(formatSummary([])).toBe('检查通过：没有发现问题');
  });
});

describe('checkFiles', () => {
  test('reports a missing file as a message, not an exception', async () => {
    const messages = await checkFiles(['content/plans/does-not-exist.md']);
    expect(messages).toMatchObject([{ rule: 'file-unreadable', severity: 'error', message: '文件不存在' }]);
    expect(hasErrors(messages)).toBe(true);
  });

  test('fails only on errors: warnings alone pass', () => {
    expect(hasErrors([{ ...gap, severity: 'warning' }])).toBe(false);
  });
});
