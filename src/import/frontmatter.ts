/**
 * Derives the front matter from the text: the document number and the date
 * lines of the cover, the issuer from the header or signature, and the
 * jurisdiction from the header and the parent plans the text cites
 * (《湖南省安全生产治本攻坚三年行动方案》 → 湖南省).
 */
import type { FrontMatter } from '../model/schema.ts';
import { DATE, DOC_NUMBER } from './markers.ts';

const UNIT = /(?:[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|自治州|地区|盟|新区|区|县|旗|街道|镇|乡))/gu;

export function deriveFrontMatter(id: string, title: string, cover: string[], body: string[]): FrontMatter {
  const name = /^(.+?)安全生产/.exec(title)?.[1] ?? title;
  const docNumber = cover.find((t) => DOC_NUMBER.test(t)) ?? null;
  const date = cover.map((t) => DATE.exec(t)).find((m) => m !== null);
  const issuedOn = date ? `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}` : null;
  const header = cover.find((t) => t.endsWith('文件')) ?? cover.find((t) => t.endsWith(name) || t.includes(`${name}`) && !/[，。：《]/.test(t) && !DOC_NUMBER.test(t));
  // Header, signature and printing-office lines: `上海市宝山区庙行镇党政办公室 2024年3月22日印发`.
  const headers = [...cover, ...body.slice(-3)].filter((t) => !/[，。：；《]/.test(t));
  const chain = jurisdiction(name, [...headers, ...body.slice(0, 3), ...cover.filter((t) => t.includes('《')), ...body.slice(-3)].filter((t) => t !== ''), headers);
  const level = levelOf(chain);
  const issuer = issuerOf(name, header, cover) ?? issuerFromDocNumber(name, docNumber);
  return { id, name, title, jurisdiction: chain, level, issuer, docNumber, issuedOn, period: period(title) };
}

/** Province → … → the plan's own unit, from headers and cited parent plans. */
function jurisdiction(name: string, texts: string[], headers: string[]): string[] {
  const chain: string[] = [];
  for (const text of texts) {
    const prefix = headers.includes(text) && text.includes(name) ? text.slice(0, text.indexOf(name)) : '';
    for (const unit of prefix.replace(/人民政府/g, '').match(UNIT) ?? []) if (!chain.includes(unit)) chain.push(unit);
    for (const cited of text.matchAll(/《([\u4e00-\u9fff]+?)安全生产治本攻坚三年行动/g)) {
      const unit = cited[1]!;
      if (unit !== name && (UNIT.lastIndex = 0, new RegExp(`^${UNIT.source}$`).test(unit)) && !chain.includes(unit)) chain.push(unit);
    }
  }
  const ordered = chain.filter((u) => u !== name).sort((a, b) => rank(a) - rank(b));
  return [...ordered, name];
}

function rank(unit: string): number {
  if (/(省|自治区)$/.test(unit) || /^(北京|上海|天津|重庆)市$/.test(unit)) return 0;
  if (/(市|自治州|地区|盟)$/.test(unit)) return 1;
  return 2;
}

function levelOf(chain: string[]): string {
  const own = chain.at(-1)!;
  const suffix = /(街道|镇|乡|区|县|旗|市)$/.exec(own)?.[1] ?? own;
  // A 市 under another 市 (湘乡市 under 湘潭市) is a county-level city.
  if (suffix === '市' && chain.length >= 2 && /市$/.test(chain.at(-2)!) && rank(chain.at(-2)!) === 1) return '县级市';
  return suffix;
}

function issuerOf(name: string, header: string | undefined, cover: string[]): string | null {
  const signature = cover.find((t) => t.includes(name) && !/[，。：《〔]/.test(t) && !t.endsWith('文件')) ?? header;
  const source = header ?? signature;
  if (!source) return null;
  const from = source.indexOf(name);
  const issuer = (from >= 0 ? source.slice(from) : source).replace(/文件$/, '');
  return issuer || null;
}

/** The agency code of a doc number: 府 is the people's government (宝庙府 → 庙行镇人民政府). */
function issuerFromDocNumber(name: string, docNumber: string | null): string | null {
  const code = docNumber ? /^([\u4e00-\u9fff]+)〔/.exec(docNumber)?.[1] : undefined;
  return code?.endsWith('府') ? `${name}人民政府` : null;
}

function period(title: string): [number, number] {
  const match = /(\d{4})\s*[—–\-－~至]+\s*(\d{4})/.exec(title);
  return match ? [Number(match[1]), Number(match[2])] : [2024, 2026];
}
