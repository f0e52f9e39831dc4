import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePlan } from '../../../src/parse/index.ts';

// Each case: input.md (real plan text) and expected.json beside it.
// Regenerate with `UPDATE=1 npx vitest run --project unit test/unit/parse` and review the diff.
const root = 'test/fixtures/parse';

describe('parsePlan on fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    test(`parses ${name} as in expected.json`, () => {
      const markdown = readFileSync(join(root, name, 'input.md'), 'utf8');
      const id = /^id:\s*(\S+)/m.exec(markdown)?.[1] ?? name;
      const result = parsePlan(markdown, `content/plans/${id}.md`);
      const file = join(root, name, 'expected.json');
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      expect(result).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
