import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFiles, formatMessage, formatSummary } from '../../../src/check/index.ts';

// Each case: one bad content file (named after its plan id) and expected.txt,
// the checker's output for it. Regenerate with `UPDATE=1` and review the diff.
const root = 'test/fixtures/check';

describe('checkFiles on bad inputs', () => {
  for (const name of readdirSync(root).sort()) {
    test(`reports ${name} as in expected.txt`, async () => {
      const files = readdirSync(join(root, name)).filter((f) => f.endsWith('.md')).map((f) => join(root, name, f));
      const messages = await checkFiles(files);
      const output = `${[...messages.map(formatMessage), formatSummary(messages)].join('\n')}\n`;
      const file = join(root, name, 'expected.txt');
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, output);
      expect(output).toBe(readFileSync(file, 'utf8'));
      expect(messages.some((m) => m.severity === 'error' || m.severity === 'warning')).toBe(true);
    });
  }
});
