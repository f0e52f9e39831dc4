/**
 * Text normalisation before comparison: what differs between local versions
 * of one national plan without changing the topic is removed.
 *
 * `2024年6月底前，本街道完成排查（街道发展办牵头）。` → `完成排查`
 */

const DEADLINE =
  /(\d{4}\s*年\s*(\d{1,2}\s*月)?\s*(底|末|上半年|下半年|年内|中旬|上旬|下旬)?\s*(前|以前|期间)?)|(\d{4}\s*[—–-]\s*\d{4}\s*年?)|([一二三两]\s*年内)|(\d\s*年内)/g;
const BRACKETS = /（[^（）]*）|\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g;
/** Deictic and generic jurisdiction words; single characters (区, 市) stay, as they are parts of words (社区, 城市). */
const GENERIC_PLACES = [
  '全街道', '本街道', '本辖区', '全辖区', '本镇', '我镇', '全镇', '镇级', '本区', '我区', '全区', '区级',
  '本市', '我市', '全市', '市级', '本县', '全县', '街道', '街镇', '乡镇', '新区', '辖区',
];
const CONFUSABLES: Record<string, string> = { 'カ': '力', '爲': '为', '„': '' };

/** Place names of the plans being compared: names, jurisdiction levels and their stems (岳阳街道 → 岳阳). */
export function placeNames(plans: { name: string; jurisdiction: string[] }[]): string[] {
  const out = new Set<string>();
  for (const plan of plans) {
    for (const name of [plan.name, ...plan.jurisdiction]) {
      out.add(name);
      const stem = name.replace(/(街道|镇|区|市|县|省|新区)$/, '');
      if (stem.length >= 2) out.add(stem);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Removes every listed name, longest first at each position (a scan, as a regex of thousands of names is slow). */
function remover(names: string[]): (text: string) => string {
  const byFirst = new Map<string, string[]>();
  for (const name of names) {
    const list = byFirst.get(name[0]) ?? [];
    list.push(name);
    byFirst.set(name[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (text) => {
    let out = '';
    for (let i = 0; i < text.length; ) {
      const hit = byFirst.get(text[i])?.find((name) => text.startsWith(name, i));
      if (hit) i += hit.length;
      else out += text[i++];
    }
    return out;
  };
}

/** Builds the normaliser for a set of place names (compiled once per alignment). */
export function normalizer(places: string[]): (text: string) => string {
  const removePlaces = remover([...new Set([...places, ...GENERIC_PLACES])].filter((name) => name.length > 0));
  return (text) => {
    let s = text.normalize('NFKC');
    for (const [from, to] of Object.entries(CONFUSABLES)) s = s.split(from).join(to);
    let prev;
    do {
      prev = s;
      s = s.replace(BRACKETS, '');
    } while (s !== prev);
    s = s.replace(DEADLINE, '');
    s = removePlaces(s);
    return s.replace(/\s+/g, '');
  };
}

/** Splits normalised text into runs of CJK/letters, dropping punctuation and digits. */
export function segments(text: string): string[] {
  return text.split(/[^\p{Script=Han}A-Za-z]+/u).filter((s) => s.length > 0);
}
