import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseUnitGroups } from '../../../src/derive/unit-groups.ts';
import { buildUnitIndex } from '../../../src/derive/units.ts';
import { loadPlans } from '../../../src/load/plans.ts';

describe('parseUnitGroups', () => {
  test('reads groups with a name, an optional note and their members', () => {
    const { groups, messages } = parseUnitGroups('groups:\n  - name: 消防\n    note: 说明\n    members: [市消防救援大队, 消防]\n', 'u.yml');
    expect(messages).toEqual([]);
    expect(groups).toEqual([{ name: '消防', note: '说明', members: ['市消防救援大队', '消防'] }]);
  });

  test('reports a unit listed in two groups at its line and column', () => {
    const text = 'groups:\n  - name: 甲\n    members: [A, B]\n  - name: 乙\n    members: [C, A]\n';
    const { messages } = parseUnitGroups(text, 'u.yml');
    expect(messages.map((m) => [m.rule, m.line, m.column])).toEqual([['units-duplicate', 5, 18]]);
    expect(messages[0]!.message).toContain('A');
  });

  test('reports a group with fewer than two members and an unknown key', () => {
    const { groups, messages } = parseUnitGroups('groups:\n  - name: 甲\n    member: [A]\n', 'u.yml');
    expect(groups).toEqual([]);
    expect(messages.map((m) => m.rule).sort()).toEqual(['units-group-members', 'units-unknown-key']);
  });

  test('reports YAML syntax errors instead of throwing', () => {
    const { messages } = parseUnitGroups('groups: [\n', 'u.yml');
    expect(messages[0]!.rule).toBe('units-yaml');
    expect(messages[0]!.severity).toBe('error');
  });

  test('reports a file without a groups list', () => {
    expect(parseUnitGroups('units: []\n', 'u.yml').messages[0]!.rule).toBe('units-shape');
  });
});

describe('content/units.yml', () => {
  test('is valid and names only units that occur in the plans', async () => {
    const { groups, messages } = parseUnitGroups(readFileSync('content/units.yml', 'utf8'), 'content/units.yml');
    expect(messages).toEqual([]);
    const { plans } = await loadPlans('content/plans');
    const index = buildUnitIndex(plans, []);
    const missing = groups.flatMap((g) => g.members).filter((m) => !index.byName(m));
    expect(missing).toEqual([]);
  });
});
