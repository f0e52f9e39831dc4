/**
 * Derives the front matter from the text only: the place name of the title,
 * the document number and date of the cover (or, failing those, the facts of
 * a web page's info-disclosure block), the issuer from the header or
 * signature, the jurisdiction from the header and the parent plans the text
 * cites (《湖南省安全生产治本攻坚三年行动方案》 → 湖南省), and the period from
 * the title or the text (never a default).
 *
 * ```text
 * 古美路街道安全生产治本攻坚三年行动工作方案（2024—2026年）
 *   → name 古美路街道, level 街道, period [2024, 2026]
 * 南翔镇2025年安全生产工作要点        → name 南翔镇, period [2025, 2025]
 * ```
 */
import type { FrontMatter, Message } from '../model/schema.ts';
import type { ChromeFacts } from './chrome.ts';
import { DATE, DOC_NUMBER, looksLikeBrokenDate, readDate } from './markers.ts';
import { ANNEX_LINE } from '../model/document.ts';

const UNIT = /(?:[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|自治州|地区|盟|新区|区|县|旗|街道|镇|乡))/gu;
/** Place names at the start of a title: `上海市金山区`, `古美路街道`, `南翔镇`. */
const PLACE = /^(?:[\u4e00-\u9fff]{1,7}(?:省|自治区|自治州|地区|盟|市|新区|开发区|区|县|旗|街道|镇|乡))+/u;
const SUFFIX = /(?:省|自治区|自治州|地区|盟|市|新区|开发区|区|县|旗|街道|镇|乡)/gu;

/** A message about the front matter; `text` is the paragraph it is about, when there is one. */
type Note = Pick<Message, 'severity' | 'rule' | 'message' | 'hint'> & { text?: string };

/** What the cover and title state, with null where a fact could not be read (shown when the import fails). */
export type CoverRead = Omit<FrontMatter, 'name' | 'period'> & { name: string | null; period: [number, number] | null };

export function deriveFrontMatter(id: string, title: string, cover: string[], body: string[], facts: ChromeFacts = {}, cells: string[] = []): { value: FrontMatter | null; read: CoverRead; messages: Note[] } {
  const messages: Note[] = [];
  // `2024年松江区安全生产工作要点`: the year before the place is not part of it.
  const subject = title.replace(/^\d{4}\s*年度?/u, '');
  const places = placesOf(subject);
  // Else the words before 安全生产, without the year a 工作要点 puts after its place (`××2025年度`).
  const name = places.at(-1) ?? /^(.{2,12}?)安全生产/.exec(subject)?.[1]?.replace(/\s*\d{4}\s*年度?$/u, '') ?? null;
  if (!name) {
    messages.push({ severity: 'error', rule: 'import-no-place', message: `无法从标题“${title}”读出地名（如“××街道”“××区”）`,
      hint: '方案名称取自标题开头的地名；请确认标题以单位所在地名开头，或在导入后手工填写头信息 name' });
  }
  // A signature set right with full-width spaces (`漕泾镇安全生产委员会　　　　`) ends at its last character.
  // The signature closes the plan's own text, before its annexes (`附件` on a line of its own).
  const annex = body.findIndex((t) => ANNEX_LINE.test(t.trim()));
  const signature = (annex > 0 ? body.slice(0, annex) : body).slice(-4).map((t) => t.replace(/[\s\u3000]+$/u, ''));
  const docNumber = cover.find((t) => DOC_NUMBER.test(t)) ?? body.slice(0, 3).find((t) => DOC_NUMBER.test(t)) ?? facts.docNumber ?? null;
  // A title set above its own 文号, issuer and date (a 工作要点 as posted): those lines read as the cover's.
  const masthead = mastheadOf(body);
  const dateLine = [...cover, ...masthead, ...signature].find((t) => DATE.test(t));
  let issuedOn = dateLine ? isoDate(readDate(dateLine)!) : null;
  if (dateLine && !issuedOn) messages.push(brokenDate(dateLine));
  for (const t of [...cover, ...masthead, ...signature]) if (looksLikeBrokenDate(t)) messages.push(brokenDate(t));
  issuedOn ??= facts.issuedOn ?? null;
  const own = name ?? title;
  const header = cover.find((t) => t.endsWith('文件')) ?? cover.find((t) => (t.endsWith(own) || t.includes(`${own}`) && !/[，。：《]/.test(t) && !DOC_NUMBER.test(t)) && !/关于.*通知$/.test(t));
  // Header, signature and printing-office lines: `上海市宝山区庙行镇党政办公室 2024年3月22日印发`.
  const headers = [...cover, ...body.slice(-3), ...(facts.issuer ? [facts.issuer] : [])].filter((t) => !/[，。：；《]/.test(t));
  const chain = jurisdiction(own, [title, ...headers, ...body.slice(0, 3), ...cover.filter((t) => t.includes('《')), ...body.slice(-3)].filter((t) => t !== ''), [title, ...headers], places);
  const level = levelOf(chain);
  const issuer = issuerOf(own, header, cover) ?? noticeIssuer(cover) ?? signatureIssuer(masthead) ?? issuerFromDocNumber(own, docNumber) ?? signatureIssuer(signature) ?? facts.issuer ?? null;
  const found = period(title, body, issuedOn, cells);
  const span = found?.span ?? null;
  if (found?.from === 'cited' || found?.from === 'years') {
    messages.push({ severity: 'warning', rule: 'import-period-inferred', message: found.from === 'cited'
      ? `标题没有写明方案期限，期限 ${span![0]}—${span![1]} 年取自正文引用的上级三年行动方案`
      : `标题和正文都没有写明方案期限，期限 ${span![0]}—${span![1]} 年取自${issuedOn ? '成文日期和' : ''}正文写明的年份（最早到最晚）`,
      hint: '请核对本方案的实施期限；如不同，请改头信息 period' });
  }
  if (!span) {
    messages.push({ severity: 'error', rule: 'import-no-period', message: `标题和正文都没有写明方案的起止年份（如“（2024—2026年）”或“2025年工作要点”）`,
      hint: '方案期限不会被猜测：请在标题后补上“（起始年—结束年）”，或在正文写明实施期限后重新导入' });
  }
  const read: CoverRead = { id, name, title, jurisdiction: chain, level, issuer, docNumber, issuedOn, period: span };
  if (!name || !span) return { value: null, read, messages };
  return { value: { ...read, name, period: span }, read, messages };
}

/**
 * Words ending like a place name that name no place: `城镇燃气`, `城乡建设`,
 * `全区`, an agency's name (`住房和城乡建设局`: 住房和城乡 is no place), and the
 * subject of a title (`江北区关于开展城镇燃气…`). A 和 joins two words only
 * with two characters or more on each side: 泰和县, 和平区 and 平和县 are
 * places; an agency's character is one only after the first (科尔沁区).
 */
const COMMON_NOUN = /^(?:城镇|乡镇|城乡|城区|市区|城市|县城|集镇|郊区|景区|园区|矿区|厂区|校区|社区)$|^(?:全|本)[省市区县镇乡]$|[与及的]|^.{2,}和.{2,}|^.+[局委厅办部科所站队]|关于|开展|加强|推进|深化|集中|专项/u;

/** `上海市金山区安全生产…` → ['上海市', '金山区']; `湘乡市` stays one name. */
function placesOf(title: string): string[] {
  const prefix = PLACE.exec(title)?.[0] ?? '';
  const out: string[] = [];
  const ends = [...prefix.matchAll(SUFFIX)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  let from = 0;
  ends.forEach(({ end }, k) => {
    // A suffix right after another (`湘乡` + `市`) extends the name.
    if (ends[k + 1]?.at === end) return;
    const part = prefix.slice(from, end);
    if (COMMON_NOUN.test(part) || from < 0) from = -1; // `青山县城镇燃气…`: 城镇 and what follows are no place
    else if (end - from >= 2) out.push(part);
    if (from >= 0) from = end;
  });
  return out;
}

/** Province → … → the plan's own unit, from the title, headers and cited parent plans. */
function jurisdiction(name: string, texts: string[], headers: string[], places: string[]): string[] {
  const chain: string[] = places.slice(0, -1);
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

/**
 * The issuer from the red header (`庙行镇人民政府文件`), else the bodies
 * signing jointly above the notice's date
 * (`中共青龙镇委员会办公室、青龙镇人民政府办公室`), else the first cover line
 * naming the place. A party committee keeps its `中共`.
 */
function issuerOf(name: string, header: string | undefined, cover: string[]): string | null {
  const joint = header?.endsWith('文件') ? jointRedHeader(name, cover) : (jointSignature(name, cover) ?? jointHeader(name, cover));
  if (joint) return joint;
  const source = header ?? cover.find((t) => t.includes(name) && !/[，。：《〔]/.test(t) && !t.endsWith('文件') && !/关于.*通知$/.test(t));
  return source ? trimIssuer(name, source) || null : null;
}

function jointSignature(name: string, cover: string[]): string | null {
  const bodies = bodiesAbove(cover, cover.findIndex((t) => DATE.test(t))).map((line) => trimIssuer(name, line));
  return bodies.length >= 2 ? bodies.join('、') : null;
}

/** The lines naming bodies right above line `at` (a date), top first: those who sign it, one or several. */
function bodiesAbove(lines: string[], at: number): string[] {
  let first = at;
  while (first > 0 && isBodyLine(lines[first - 1]!)) first -= 1;
  return at > 0 ? lines.slice(first, at) : [];
}

/**
 * `中共山阳镇委员会文件` / `山阳镇人民政府文件`, or `中共山阳镇委员会` above
 * `山阳镇人民政府文件` (文件 set once beside both): a red header of bodies
 * issuing jointly.
 */
function jointRedHeader(name: string, cover: string[]): string | null {
  const bodyOf = (line: string) => line.replace(/\s*文件$/u, '');
  const last = cover.findLastIndex((line) => /文件$/u.test(line) && isBodyLine(bodyOf(line)));
  let first = last;
  while (first > 0 && (isBodyLine(cover[first - 1]!) || (/文件$/u.test(cover[first - 1]!) && isBodyLine(bodyOf(cover[first - 1]!))))) first -= 1;
  const bodies = cover.slice(first, last + 1).map((line) => trimIssuer(name, bodyOf(line)));
  return last >= 0 && bodies.length >= 2 ? bodies.join('、') : null;
}

/** `中共攸县县委办公室` / `攸县人民政府办公室` stacked at the top of the cover: the bodies issuing jointly. */
function jointHeader(name: string, cover: string[]): string | null {
  const bodies: string[] = [];
  for (const line of cover) {
    if (!isBodyLine(line)) break;
    bodies.push(trimIssuer(name, line));
  }
  return bodies.length >= 2 ? bodies.join('、') : null;
}

const isBodyLine = (line: string) => ISSUING_BODY.test(line) && !/[，。：；《〔]/.test(line) && [...line].length <= 30;

/** `上海市宝山区庙行镇人民政府文件` → `庙行镇人民政府`; `中共青龙镇委员会` keeps 中共. */
function trimIssuer(name: string, text: string): string {
  const from = text.indexOf(name);
  const party = from >= 2 && /中共$/.test(text.slice(0, from)) ? '中共' : '';
  return `${party}${from >= 0 ? text.slice(from) : text}`.replace(/文件$/, '');
}

const ISSUING_BODY = /(?:政府|办事处|委员会|办公室|局|委|办|中心|街道|镇|指挥部|领导小组|工作专班)$/;

/** `祁阳市人民政府办公室关于印发《…》的通知` → 祁阳市人民政府办公室. */
function noticeIssuer(cover: string[]): string | null {
  for (const t of cover) {
    const m = /^([\u4e00-\u9fff（）]{4,40}?)关于(?:印发|转发|下发)/.exec(t);
    if (m) return m[1]!;
  }
  return null;
}

/** The agency code of a doc number: 府 is the people's government (宝庙府 → 庙行镇人民政府). */
function issuerFromDocNumber(name: string, docNumber: string | null): string | null {
  const code = docNumber ? /^([\u4e00-\u9fff]+)[〔［\[【（(]/.exec(docNumber)?.[1] : undefined;
  return code?.endsWith('府') ? `${name}人民政府` : null;
}

/**
 * The short lines right below the title, before its first paragraph: a
 * document number, the bodies issuing it and a date
 * (`泰安发〔2025〕3号` / `泰和县安全生产委员会` / `2025年3月12日`), as a 工作要点
 * posted on its own is set. Empty when the text begins at once.
 */
function mastheadOf(body: string[]): string[] {
  const lines: string[] = [];
  for (const line of body.slice(0, 5).map((t) => t.replace(/[\s\u3000]+$/u, ''))) {
    if (!(DOC_NUMBER.test(line) || DATE.test(line) || looksLikeBrokenDate(line) || isBodyLine(line))) break;
    lines.push(line);
  }
  return lines;
}

/** The line above a closing date: `南翔镇安全生产委员会办公室` / `2025年2月18日`. */
function signatureIssuer(signature: string[]): string | null {
  // Bodies signing jointly stand one above the other: every one of them.
  const bodies = bodiesAbove(signature, signature.findIndex((t) => DATE.test(t) || looksLikeBrokenDate(t)));
  return bodies.length > 0 ? bodies.join('、') : null;
}

/**
 * The plan period: from the title (`（2024—2026年）`, `2025年工作要点`), else a
 * span the text states (`2024年至2026年`, `自2024年5月起至2025年12月止`), else
 * the period of the same campaign's parent plan the text cites, else the
 * years the text and its task tables write (`2024年上半年完成` …
 * `2026年12月31日前`), from the year it was issued, with a warning.
 */
function period(title: string, body: string[], issuedOn: string | null, cells: string[]): { span: [number, number]; from: 'title' | 'text' | 'cited' | 'years' } | null {
  const at = (span: [number, number] | null, from: 'title' | 'text' | 'cited' | 'years') => (span ? { span, from } : null);
  const span = /(\d{4})\s*年?\s*[—–\-－~～至到]+\s*(\d{4})/.exec(title);
  if (span) return at(ordered(Number(span[1]), Number(span[2])), 'title');
  const single = /(\d{4})\s*年(?:度)?/.exec(title);
  if (single) return at(ordered(Number(single[1]), Number(single[1])), 'title');
  const text = body.slice(0, 6).join('\n');
  const stated = /(?:自|从|于)?(\d{4})\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\s*(?:起)?\s*(?:至|到|—|-)\s*(\d{4})\s*年/.exec(text);
  if (stated) return at(ordered(Number(stated[1]), Number(stated[2])), 'text');
  const cited = /《[^《》]*?[（(]\s*(\d{4})\s*[—–\-－~～至到]+\s*(\d{4})\s*年?\s*[）)]\s*》/.exec(text);
  if (cited && /三年行动/.test(title)) return at(ordered(Number(cited[1]), Number(cited[2])), 'cited');
  const years = [...body, ...cells].flatMap((t) => [...t.matchAll(/(?<![\d〔[（(])(\d{4})\s*年/g)].map((m) => Number(m[1]))).filter((y) => y >= 2000 && y <= 2100);
  const from = issuedOn ? Number(issuedOn.slice(0, 4)) : Math.min(...years);
  const until = Math.max(...years.filter((y) => y >= from && y <= from + 10));
  return years.length > 0 && Number.isFinite(until) ? at(ordered(from, until), 'years') : null;
}

function ordered(a: number, b: number): [number, number] | null {
  return a >= 2000 && b <= 2100 && a <= b ? [a, b] : null;
}

function isoDate([year, month, day]: [number, number, number]): string | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function brokenDate(text: string): Note {
  return { text, severity: 'warning', rule: 'import-broken-date', message: `日期“${text}”写法不完整或不存在，未采用（不会猜测）`,
    hint: '请对照原文改成“2024年6月13日”这样的完整日期后重新导入；导入后也可在头信息 issuedOn 中手工填写' };
}
