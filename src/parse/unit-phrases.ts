/**
 * Units named inside a sentence, as the Shanghai plans write them.
 *
 * ```text
 * 常态化推进街道发展办牵头，管理办、营商办、派出所、市场监管、消防等部门参与的排查整治工作
 *   → 街道发展办 (lead); 管理办, 营商办, 派出所, 市场监管, 消防 (support)
 * 由区应急局牵头，区住房城乡建设委、区消防救援支队配合，开展……   → 区应急局 (lead); 区住房城乡建设委, 区消防救援支队 (support)
 * 由各街镇负责组织实施   → 各街镇 (responsible)
 * 镇消防工作站负责，2024年11月起开展   → 镇消防工作站 (responsible)
 * 街道城建办负责，街道应急办配合。   → 街道城建办 (responsible); 街道应急办 (support)
 * 由县教育局、县卫健局按照职责分工负责   → 县教育局, 县卫健局 (responsible)
 * ```
 * `整治牵头部门参照……` names no unit and yields nothing; neither does any
 * sentence without a complete unit name before `牵头`/`负责`, nor a unit that
 * is only the subject of a sentence (`区应急局要加强……`): nothing is invented.
 *
 * One pass per sentence: the subject of each `牵头` starts after the last
 * separator or the previous `牵头`, and the look-ahead for `Y参与` is bounded.
 */
import type { Unit, UnitRole } from '../model/schema.ts';
import { cleanName, splitNames, stripModifiers, UNIT_END } from './unit-names.ts';
import { trimEdges } from './labels.ts';

const LEAD = /牵头(?!部门|单位|组织|的|作用)/gu;
const VERB_PREFIX = /^.*?(推进|推动|由|会同|依托|组织(?!部)|建立|坚持)/u; // 县委组织部牵头 keeps its name
const SUPPORT = /[，,]?\s*([^，。；,;]{1,80}?)(参与|配合|协助|指导|督导)/uy;
/** `由X负责`: X must be complete unit names, and not a `X牵头` already read. */
const DUTY = /由((?:(?!牵头)[^，。；,;：:“”（()）]){2,80}?)(负责落实|具体落实|具体负责|负责)/gu;
/** `，镇消防工作站负责，`: a clause that is only unit names and 负责 states them as responsible. */
const CLAUSE_DUTY = /(?<=^|[，。；,;])((?:(?!牵头)[^由，。；,;：:“”（()）]){2,60}?)(负责)(?=[，。；,;]|$)/gu;
const SUBJECT_END = new Set(['，', '。', '；', '：', '“', '”', '（', '(', ',', ';', ':']);
/** Unit lists before `牵头` are short; a longer run is not a subject. */
const MAX_SUBJECT = 200;

export function inlineUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const sentence of text.split(/(?<=[。！？\n])/u)) {
    let clause: string | null = null;
    const add = (name: string, role: UnitRole, basis: string) => {
      clause ??= trimEdges(sentence);
      units.push({ name, role, source: 'stated', clause, basis });
    };
    let scanned = 0;
    let boundary = -1;
    let previous = 0;
    for (const match of sentence.matchAll(LEAD)) {
      for (; scanned < match.index; scanned += 1) if (SUBJECT_END.has(sentence[scanned] ?? '')) boundary = scanned;
      const start = Math.max(boundary + 1, previous, match.index - MAX_SUBJECT);
      previous = match.index + 2;
      const subject = sentence.slice(start, match.index).replace(VERB_PREFIX, '');
      const leads = splitNames(subject).filter((name) => UNIT_END.test(name));
      if (leads.length === 0) continue;
      let end = match.index + 2;
      if (sentence.startsWith('负责', end)) end += 2;
      SUPPORT.lastIndex = end;
      const support = SUPPORT.exec(sentence);
      if (support) end += support[0].length;
      const basis = sentence.slice(match.index - subject.length, end).replace(/^[，,]/u, '');
      for (const name of leads) add(name, 'lead', basis);
      for (const name of support ? splitNames(support[1] ?? '') : []) add(cleanName(name), 'support', basis);
    }
    for (const match of [...sentence.matchAll(DUTY), ...sentence.matchAll(CLAUSE_DUTY)]) {
      const names = splitNames(stripModifiers(match[1] ?? ''));
      if (names.length === 0 || !names.every((name) => UNIT_END.test(name))) continue;
      const role: UnitRole = /落实/u.test(match[2] ?? '') ? 'implement' : 'responsible';
      // `X负责，Y配合`: the units right after, as after `X牵头`.
      SUPPORT.lastIndex = match.index + match[0].length;
      const support = SUPPORT.exec(sentence);
      const helpers = support ? splitNames(stripModifiers(support[1] ?? '')).map(cleanName) : [];
      const helping = helpers.length > 0 && helpers.every((name) => UNIT_END.test(name));
      const basis = helping ? match[0] + support![0] : match[0];
      for (const name of names) add(name, role, basis);
      if (helping) for (const name of helpers) add(name, 'support', basis);
    }
  }
  return units;
}
