/**
 * Splits a stated responsibility into units and roles.
 *
 * ```text
 * 市公安局交警大队、市交通运输局牵头负责
 *   → 市公安局交警大队 (lead), 市交通运输局 (lead)
 * 市安委办及各专业安委办分别按照职责分工负责，各乡镇（街道）、经开区管委会具体落实
 *   → 市安委办, 各专业安委办 (responsible); 各乡镇（街道）, 经开区管委会 (implement)
 * ```
 * `各乡镇（街道）` stays one name: nothing inside nested parentheses splits.
 * `和/及/与` split only after a complete unit name (`市住房和城乡建设局` stays whole).
 */
import type { UnitRole } from '../model/schema.ts';

export interface NamedRole {
  name: string;
  role: UnitRole;
}

const ROLE_WORD = /(牵头负责|牵头|具体落实|负责落实|落实属地(?:管理)?责任|落实|配合|参与|协助|协办|负责指导|指导|督导|分别负责|负责)$/u;
/** `镇安委办（牵头）` in a list: that one unit's role, in brackets after its name. */
const NAME_ROLE = /[（(](牵头|主责|配合|协办|参与|协助|负责|落实)[）)]$/u;
const MODIFIER = /(分别|按照职责分工|按照职责|按职责分工|按职责|职责分工|分工|各自|共同|要)$/u;
/** What a cell or label holds when it names no unit. */
const NOT_A_NAME = /^(无|暂无|\/|—+|-+|…+)$/u;
/** A name is complete when it ends like a unit: 局, 办, 管委会, 县委宣传部 (not 全部, 干部), 县委党校, 各乡镇（街道）… */
export const UNIT_END = /(局|办|委|委员会|管委会|安委会|工会|委会|队|院|部门|(?<![内全局干外总])部|单位|中心|政府|办事处|办公室|(?<![场处住厕诊])所|站|公司|集团|党校|学校|海关|协会|联合会|乡镇|街道|街镇|(?<![城小集])镇|(?<![城下])乡|(?:工业|开发|经开|高新|度假|管理)区|园区|科|领导小组|专班|团市委|（街道）|（镇）)$/u;

const ROLES: Array<[RegExp, UnitRole]> = [
  [/牵头|主责/u, 'lead'], // 主责 only as `镇安委办（主责）`
  // A unit that guides (指导, 督导) is not the one doing the work: listed with the supporting units, its words kept in the basis.
  [/配合|参与|协助|协办|指导|督导/u, 'support'],
  [/落实/u, 'implement'],
  [/负责/u, 'responsible'],
];

const roleOf = (word: string): UnitRole | null => ROLES.find(([pattern]) => pattern.test(word))?.[1] ?? null;

/**
 * Units and roles in the text of one unit parenthesis or unit cell. After a
 * label (`labelled`), a group without a role word takes the label's role.
 */
export function parseUnitGroups(text: string, fallback: UnitRole | null = null, labelled = false): NamedRole[] {
  const groups = splitTopLevel(text, /[，,；;]/u).map((group) => {
    let names = group.trim();
    let role: UnitRole | null = null;
    const word = ROLE_WORD.exec(names);
    if (word) {
      role = roleOf(word[1] ?? '');
      names = stripModifiers(names.slice(0, word.index));
    }
    return { names: splitNames(names), role };
  });
  const out: NamedRole[] = [];
  groups.forEach((group, i) => {
    const role = group.role ?? (labelled ? fallback : null) ?? groups.slice(i + 1).find((g) => g.role)?.role ?? fallback ?? 'responsible';
    for (const name of group.names) {
      const own = NAME_ROLE.exec(name);
      const plain = own ? name.slice(0, own.index) : name;
      if (plain === '') continue; // `（牵头）` standing alone names no unit
      if (!NOT_A_NAME.test(plain)) out.push({ name: plain, role: (own && roleOf(own[1]!)) ?? role });
    }
  });
  return out;
}

/** `A、B按照职责分工` → `A、B`: the words between the names and their role word. */
export function stripModifiers(text: string): string {
  let names = text;
  for (let before = ''; before !== names; ) {
    before = names;
    names = names.replace(MODIFIER, '').replace(AND_OTHERS, '');
  }
  return names;
}

/** Words that join two complete unit names: `A会同B`, `A及B`. */
const CONJUNCTIONS = ['以及', '会同', '和', '及', '与'];

/** `A、B和C等` → ['A', 'B', 'C'], keeping nested parentheses whole. */
export function splitNames(text: string): string[] {
  // `区应急局 区住建委 区消防救援支队`: names set apart by spaces (a Word cell's lines), each complete.
  const spaced = text.trim().split(/[\s\u3000]+/u);
  if (spaced.length >= 2 && spaced.every((part) => UNIT_END.test(cleanName(part).replace(NAME_ROLE, '')))) return spaced.flatMap((part) => splitNames(part));
  const names: string[] = [];
  let depth = 0;
  let current = '';
  const push = () => {
    const name = cleanName(current);
    if (name) names.push(name);
    current = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if ('（(【[［'.includes(char)) depth += 1;
    if ('）)】]］'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;]/u.test(char)) {
      push();
      continue;
    }
    const conjunction = depth === 0 ? CONJUNCTIONS.find((word) => text.startsWith(word, i)) : undefined;
    // Unit endings are short: testing the tail keeps the split one pass.
    if (conjunction && UNIT_END.test(cleanName(current.slice(-16)))) {
      push();
      i += conjunction.length - 1;
      continue;
    }
    current += char;
  }
  push();
  return names;
}

/** `等`, `等部门`, `等相关部门`, `等有关单位`, `等成员单位`, `等行业主管部门` after the last name: the others are not named. */
const AND_OTHERS = /等(?:(?:相关|有关|其他|其它)?(?:(?:行业)?(?:主管|监管|职能)?部门|成员单位|责任单位|单位))?$/u;

/** Trims the words around a unit name: `由`, `等部门`, half-width parentheses. */
export function cleanName(text: string): string {
  return text
    .replace(/\s+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/^(由|其中|以及|会同|和|及|与)/u, '')
    .replace(AND_OTHERS, '')
    .trim();
}

/** Splits at separators outside any parentheses. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('（(【[［'.includes(char)) depth += 1;
    if ('）)】]］'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separator.test(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.filter((part) => part.trim() !== '');
}
