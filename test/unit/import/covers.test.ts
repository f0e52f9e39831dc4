/**
 * First pages of published plans (test/fixtures/covers/<case>/input.txt): the
 * title, issuer, document number, date, place and period read off the cover,
 * even where the page ends before any task (the import then refuses, for that
 * reason only). A missing expected.json fails; `UPDATE=1` writes it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importPlan } from '../../../src/import/index.ts';

const root = 'test/fixtures/covers';

describe('reading a plan cover', () => {
  for (const name of readdirSync(root).sort()) {
    test(`${name}: front matter as the cover states it`, () => {
      const result = importPlan(new Uint8Array(readFileSync(join(root, name, 'input.txt'))), { id: name, path: 'cover.txt' });
      const errors = result.messages.filter((m) => m.severity === 'error').map((m) => m.rule);
      expect(errors.filter((rule) => rule !== 'import-no-tasks')).toEqual([]);
      const file = join(root, name, 'expected.json');
      const actual = `${JSON.stringify(result.front, null, 1)}\n`;
      if (process.env.UPDATE) writeFileSync(file, actual);
      if (!existsSync(file)) throw new Error(`缺少 ${file}：用 UPDATE=1 生成并审阅`);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
