import { describe, expect, test } from 'vitest';
import { PlansExportSchema, stringifyPlansJson, toPlansJson } from '../../../src/export/index.ts';
import { loadFixturePlans } from './fixture.ts';

describe('toPlansJson', () => {
  const plans = loadFixturePlans();

  test('produces the documented export shape', () => {
    expect(() => PlansExportSchema.parse(toPlansJson(plans))).not.toThrow();
  });

  test('lists every task of every plan once, in plan order', () => {
    const { tasks } = toPlansJson(plans);
    expect(tasks.map((task) => task.id)).toEqual(['yueyang-1', 'yueyang-2', 'yueyang-3', 'xiangxiang-1']);
  });

  test('keeps keys in the documented order', () => {
    const data = toPlansJson(plans);
    expect(Object.keys(data)).toEqual(['plans', 'tasks']);
    expect(Object.keys(data.plans[0]!)).toEqual([
      'id', 'name', 'title', 'jurisdiction', 'level', 'issuer', 'docNumber', 'issuedOn', 'period', 'actions',
    ]);
    expect(Object.keys(data.plans[0]!.actions[0]!)).toEqual(['index', 'series', 'ordinal', 'title', 'tasks']);
    expect(Object.keys(data.tasks[0]!)).toEqual([
      'id', 'plan', 'number', 'action', 'title', 'text', 'units', 'milestones',
      'deadlineYear', 'deadlineExplicit', 'recurrence', 'url',
    ]);
    expect(Object.keys(data.tasks[1]!.units[0]!)).toEqual(['name', 'role', 'source', 'clause']);
    expect(Object.keys(data.tasks[1]!.milestones[0]!)).toEqual(['year', 'month', 'qualifier', 'date', 'inferredYear', 'text']);
  });

  test('leaves out fields that only the site uses', () => {
    const text = stringifyPlansJson(plans);
    for (const key of ['basis', 'phrase', 'place', 'paragraphs', 'periods', 'titleSource', 'cover', 'body', 'path', 'lead']) {
      expect(text).not.toContain(`"${key}":`);
    }
  });

  test('copies values without sharing arrays with the model', () => {
    const data = toPlansJson(plans);
    expect(data.plans[0]!.period).toEqual([2024, 2026]);
    expect(data.plans[0]!.period).not.toBe(plans[0]!.period);
    expect(data.tasks[2]!.recurrence).toEqual(['每季度', '每年']);
    expect(data.tasks[3]!.units.map((unit) => unit.role)).toEqual(['lead', 'implement', 'implement']);
  });

  test('writes text with a final newline that parses back to the same data', () => {
    const text = stringifyPlansJson(plans);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(toPlansJson(plans));
  });
});
