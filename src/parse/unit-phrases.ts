/**
 * Units named inside a sentence, as the Shanghai plans write them.
 *
 * ```text
 * 常态化推进街道发展办牵头，管理办、营商办、派出所、市场监管、消防等部门参与的排查整治工作
 *   → 街道发展办 (lead); 管理办, 营商办, 派出所, 市场监管, 消防 (support)
 * 由区应急局牵头，……   → 区应急局 (lead)
 * ```
 * `整治牵头部门参照……` names no unit and yields nothing; neither does any
 * sentence without a complete unit name before `牵头`.
 */
import type { Unit } from '../model/schema.ts';
import { cleanName, splitNames, UNIT_END } from './unit-names.ts';

const LEAD = /牵头(?!部门|单位|组织|的|作用)/gu;
const VERB_PREFIX = /^.*?(推进|推动|由|会同|依托|组织|建立|坚持)/u;
const SUPPORT = /^[，,]?\s*([^，。；]{1,80}?)(参与|配合|协助)/u;

export function inlineUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const sentence of text.split(/(?<=[。！？\n])/u)) {
    for (const match of sentence.matchAll(LEAD)) {
      const before = sentence.slice(0, match.index);
      const start = Math.max(...['，', '。', '；', '：', '“', '”', '（', '('].map((d) => before.lastIndexOf(d))) + 1;
      const subject = before.slice(start).replace(VERB_PREFIX, '');
      const leads = splitNames(subject).filter((name) => UNIT_END.test(name));
      if (leads.length === 0) continue;
      const after = sentence.slice(match.index + 2).replace(/^负责/u, '');
      const support = SUPPORT.exec(after);
      const end = match.index + 2 + (support ? support[0].length : 0) + (sentence.slice(match.index + 2).startsWith('负责') ? 2 : 0);
      const basis = sentence.slice(before.length - subject.length, end).replace(/^[，,]/u, '');
      const clause = sentence.trim().replace(/[。；，\s]+$/u, '');
      for (const name of leads) units.push({ name, role: 'lead', source: 'stated', clause, basis });
      for (const name of support ? splitNames(support[1] ?? '') : []) {
        units.push({ name: cleanName(name), role: 'support', source: 'stated', clause, basis });
      }
    }
  }
  return units;
}
