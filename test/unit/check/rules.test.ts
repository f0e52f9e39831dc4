/**
 * Every rule id used in src/ is in the catalog (src/check/rules.ts), and the
 * README's rule tables are the catalog's. Regenerate the tables with
 * `UPDATE=1 npx vitest run test/unit/check/rules.test.ts`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES, isRuleId, renderRuleTables } from '../../../src/check/rules.ts';

const root = resolve(import.meta.dirname, '../../..');

/**
 * How rule ids are found: in every .ts/.astro/.mjs file under src/, each call
 * of `report(`, `makeMessage(`, `error(`, `warning(`, `readYaml(` (the message
 * builders in use) and each `rule:` property or `rule =` assignment; within the call's parentheses (or up to the
 * end of the property), every single-quoted string that is a kebab-case id
 * with at least one hyphen (`'task-number-gap'`). Severities and sentences
 * never match that shape.
 */
const CALL = /\b(?:report|makeMessage|error|warning|readYaml)\s*\(|\brule\s*[:=]/g;
const ID = /'([a-z][a-z0-9]*(?:-[a-z0-9]+)+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The text of a call's arguments (balanced parentheses), or of a `rule:` value. */
function argumentsAt(text: string, start: number, isCall: boolean): string {
  if (!isCall) return text.slice(start, text.slice(start).search(/[,}\n]/) + start);
  let depth = 0;
  for (let i = start; i < text.length && i < start + 2000; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(start, i);
  }
  return text.slice(start, start + 2000);
}

export function usedRuleIds(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(CALL)) {
      for (const id of argumentsAt(text, call.index, call[0].includes('(')).matchAll(ID)) {
        const line = text.slice(0, call.index).split('\n').length;
        if (!used.has(id[1]!)) used.set(id[1]!, `${relative(root, file)}:${line}`);
      }
    }
  }
  return used;
}

describe('the rule catalog', () => {
  test('finds the rule ids of the parser, the importer and the checkers (the scan works)', () => {
    const used = usedRuleIds();
    for (const id of ['task-number-gap', 'front-matter-missing-key', 'front-matter-value', 'import-empty-input', 'units-yaml', 'alignment-contradiction', 'duplicate-plan-id', 'font-missing-glyph']) {
      expect(used.has(id), id).toBe(true);
    }
  });

  test('has every rule id used in src/', () => {
    const missing = [...usedRuleIds()].filter(([id]) => !isRuleId(id));
    const advice = missing.map(([id, where]) =>
      `rule id '${id}' (used at ${where}) is not in the catalog: add it to RULES in src/check/rules.ts (severity, title, hint), then run UPDATE=1 npx vitest run test/unit/check/rules.test.ts to refresh the README tables`);
    expect(advice).toEqual([]);
  });

  test('lists no rule that nothing reports', () => {
    const used = usedRuleIds();
    expect(Object.keys(RULES).filter((id) => !used.has(id))).toEqual([]);
  });

  test('gives every rule a Chinese title and hint', () => {
    for (const [id, info] of Object.entries(RULES)) {
      expect(info.title, id).toMatch(/\p{Script=Han}/u);
      expect(info.hint, id).toMatch(/\p{Script=Han}/u);
    }
  });

  test("is what the README's rule tables show", () => {
    const path = join(root, 'README.md');
    const readme = readFileSync(path, 'utf8');
    const start = '<!-- rules:start (generated from src/check/rules.ts) -->\n';
    const end = '<!-- rules:end -->';
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    expect(from, 'README.md lacks the rules:start/rules:end markers').toBeGreaterThan(0);
    const current = readme.slice(from + start.length, to);
    if (process.env.UPDATE && current !== renderRuleTables()) {
      writeFileSync(path, readme.slice(0, from + start.length) + renderRuleTables() + readme.slice(to));
      return;
    }
    expect(current, 'README rule tables are stale: run UPDATE=1 npx vitest run test/unit/check/rules.test.ts').toBe(renderRuleTables());
  });
});
