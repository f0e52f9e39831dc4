import { isMap, isSeq, isScalar } from 'yaml';
import type { Node } from 'yaml';
import { readYaml } from '../check/yaml.ts';
import type { Message } from '../model/schema.ts';
import type { UnitGroup } from './units.ts';

/**
 * Parse `content/units.yml`: curated groups of units that play the same role
 * in different jurisdictions.
 *
 * ```yaml
 * groups:
 *   - name: 应急管理部门
 *     note: 各级应急管理部门        # optional
 *     members: [市应急管理局, 区应急局]
 * ```
 *
 * Pure: returns the groups it could read and messages with positions for the
 * rest (a unit in two groups, an empty group, an unknown key …).
 */
export function parseUnitGroups(text: string, file: string): { groups: UnitGroup[]; messages: Message[] } {
  const { doc, lines, messages } = readYaml(text, file, 'units-yaml', '按 YAML 语法修正该行。');
  const report = (node: Node | null | undefined, rule: string, message: string, hint: string) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    messages.push({ file, line: pos.line, column: pos.col, severity: 'error', rule, message, hint });
  };
  if (!doc) return { groups: [], messages };
  const root = doc.contents;
  if (root == null) return { groups: [], messages };
  const list = isMap(root) ? root.get('groups', true) : undefined;
  if (!isMap(root) || !isSeq(list)) {
    report(root, 'units-shape', '单位对照表应有 groups 列表。', '写成 `groups:` 下的列表，每项有 name 和 members。');
    return { groups: [], messages };
  }
  const owner = new Map<string, string>();
  const groups: UnitGroup[] = [];
  for (const item of list.items) {
    if (!isMap(item)) {
      report(item as Node, 'units-shape', '每个单位组应是含 name 和 members 的映射。', '写成 `- name: …` 加 `members: […]`。');
      continue;
    }
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!['name', 'note', 'members'].includes(key)) {
        report(pair.key as Node, 'units-unknown-key', `单位组中有未知字段“${key}”。`, '只允许 name、note、members。');
      }
    }
    const name = item.get('name');
    const note = item.get('note');
    const members = item.get('members', true);
    if (typeof name !== 'string' || name.trim() === '') {
      report(item, 'units-group-name', '单位组缺少名称。', '加上 `name: 组名`。');
      continue;
    }
    if (!isSeq(members) || members.items.length < 2) {
      report(members ?? item, 'units-group-members', `单位组“${name}”应至少列出两个单位。`, '在 members 中列出同一职能的不同单位名称。');
      continue;
    }
    const names: string[] = [];
    for (const m of members.items) {
      const value = isScalar(m) ? String(m.value).trim() : '';
      if (value === '') {
        report(m as Node, 'units-member', `单位组“${name}”中有空的成员。`, '删除该项或写上单位名称。');
      } else if (owner.has(value)) {
        report(m as Node, 'units-duplicate', `单位“${value}”同时出现在“${owner.get(value)}”和“${name}”两组中。`, '一个单位只归入一个组。');
      } else {
        owner.set(value, name);
        names.push(value);
      }
    }
    groups.push({ name: name.trim(), note: typeof note === 'string' ? note : null, members: names });
  }
  return { groups, messages };
}
