/**
 * Finds and normalises the plan title.
 *
 * A title ends the way this document family's titles end (`…实施方案`,
 * `…工作要点`, `…任务分工方案`, `…责任清单`), maybe with its period
 * (`（2024—2026年）`); it may be broken over two or three lines. When the
 * cover holds a notice `关于印发《X》的通知`, the title is the line that reads X.
 * A web page's headline repeating the title before the text is not the title.
 *
 * ```text
 * 古美路街道安全生产治本攻坚三年 / 行动工作方案 / （2024—2026年）
 *   → { index, span: 3, text: '古美路街道安全生产治本攻坚三年行动工作方案（2024—2026年）' }
 * ```
 */
import type { Message } from '../model/schema.ts';
import type { Paragraph } from './lines.ts';
import { DATE, endsLikeTitle, isStandalone, PERIOD_SUFFIX, startsStructure, tidySpaces } from './markers.ts';
import { ANNEX_LINE } from '../model/document.ts';
import { makeMessage } from './messages.ts';
import { textWhere, type Where } from './where.ts';

const MAX_TITLE = 80;
const MAX_PART = 48;
const NOTICE = /^.{0,40}关于(?:印发|转发|下发)(.*)的通知$/u;
/** A line that names a body: the issuer printed above a title. */
const ISSUER = /^.{2,30}(?:委员会|办公室|人民政府|办事处|管委会|党委|党工委|工委|局|委|厅|指挥部|领导小组|安委会|安委办)$/u;

export interface TitleFound {
  index: number;
  /** How many paragraphs the title spans (a title broken over lines). */
  span: number;
  text: string;
}

export interface Candidate {
  line: number;
  text: string;
  reason: string;
}

export function findTitle(paragraphs: Paragraph[]): { found: TitleFound | null; rejected: Candidate[] } {
  const found: TitleFound[] = [];
  const rejected: Candidate[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const joined = titleAt(paragraphs, i);
    if (joined) {
      found.push(joined);
      i += joined.span - 1;
      continue;
    }
    const text = paragraphs[i]!.text;
    if (rejected.length < 12 && [...text].length <= 100 && !startsStructure(text)) rejected.push({ line: paragraphs[i]!.line, text, reason: whyNot(text) });
    // A title comes before the body: stop looking once the numbered tasks start.
    if (startsStructure(text) && found.length > 0) break;
  }
  const notices = paragraphs.map((p) => NOTICE.exec(tidySpaces(p.text, true))?.[1]).filter((x): x is string => x !== undefined);
  const named = notices.map((n) => normalise(n.replace(/^《|》$/g, '').replace(/[《》]/g, '')));
  const byNotice = found.find((f) => named.some((n) => sameTitle(n, normalise(f.text))));
  if (byNotice) return { found: byNotice, rejected };
  // The document's own title is the last of several identical ones (a page headline repeats it first).
  const own = found.find((f, i) => !found.slice(i + 1).some((g) => normalise(g.text) === normalise(f.text)));
  return { found: own ?? null, rejected };
}

/** The title starting at paragraph i, joined over up to three short lines. */
function titleAt(paragraphs: Paragraph[], i: number): TitleFound | null {
  let text = '';
  let best: TitleFound | null = null;
  let issuers = true;
  for (let span = 1; span <= 3 && i + span - 1 < paragraphs.length; span++) {
    const part = paragraphs[i + span - 1]!.text;
    if (!isTitlePart(part, span === 1) || part === text) break; // a headline repeated: two titles, not one
    // The issuing body above the title (`周家渡街道安全生产委员会` / `周家渡街道2025年…任务清单`) is not part of it;
    // a line that cannot stand alone (`2025年工作要点`, `实施方案`) continues the body's name.
    if (span > 1 && issuers && isTitle(part) && /^\p{Script=Han}/u.test(part) && !/^(?:关于|实施方案|工作方案|行动方案|工作要点)/u.test(part)) break;
    issuers &&= ISSUER.test(part) && !endsLikeTitle(part);
    text = tidySpaces(`${text}${part}`, true);
    if ([...text].length > MAX_TITLE) break;
    if (isTitle(text)) best = { index: i, span, text };
    else if (best) break;
  }
  return best;
}

function isTitlePart(text: string, first: boolean): boolean {
  if ([...text].length > (first ? MAX_TITLE : MAX_PART) || /[。，；！？]/.test(text)) return false;
  if (isStandalone(text) || DATE.test(text) || ANNEX_LINE.test(text)) return false; // `附件` above the plan it attaches
  if (!first && (/^关于/.test(text) || startsStructure(text))) return false;
  return !(first && startsStructure(text));
}

export function isTitle(text: string): boolean {
  if ([...text].length > MAX_TITLE || /[。，；！？]/.test(text)) return false;
  if (/(?:的)?通知$|^.{0,40}关于(?:印发|转发|下发)/.test(text)) return false;
  if (/[:：]/.test(text)) return false;
  return endsLikeTitle(text) && [...text.replace(new RegExp(`${PERIOD_SUFFIX}$`, 'u'), '')].length >= 6;
}

function whyNot(text: string): string {
  if (NOTICE.test(text)) return '是印发通知的标题，不是方案标题';
  if (/[。，；！？]/.test(text)) return '含有句内标点，是正文句子';
  if ([...text].length > MAX_TITLE) return `超过 ${MAX_TITLE} 字`;
  if (/[:：]/.test(text)) return '含有冒号，像是标签或网页信息';
  return '不以“方案、计划、要点、清单、意见”等文种结尾';
}

function normalise(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[-–－~～]/g, '—')
    .replace(/——/g, '—');
}

/** `X（2024—2026年）` and `X` name the same plan: a notice may quote the title without its period. */
function sameTitle(a: string, b: string): boolean {
  const bare = (t: string) => t.replace(new RegExp(`${PERIOD_SUFFIX}$`, 'u'), '');
  return a === b || bare(a) === bare(b);
}

export function titleNotFound(file: string, rejected: Candidate[], where: Where = textWhere): Message {
  const list = rejected.slice(0, 8).map((c) => `${where(c.line)}“${clip(c.text)}”：${c.reason}`).join('；');
  return makeMessage(file, 'error', 'import-no-title', { line: rejected[0]?.line ?? 1, column: 1 },
    `没有找到方案标题（标题应以“实施方案、工作方案、行动计划、工作要点、任务清单”等文种结尾，不含句号逗号）。${list ? `考虑过的行：${list}` : '文本中没有像标题的短行'}`,
    '若标题被拆开或夹在网页信息中，请把完整标题单独放在一行；若文档确无标题，请在正文前补一行标题后再导入');
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text;
}

/**
 * Normalises the plan title: no spaces from line breaks, full-width brackets
 * around the period, and no stray closing `》` left from a cover that quoted
 * the title (`工作方案》（2024-2026年）`). Each removal is reported.
 */
export function fixTitle(p: Paragraph, file: string): { text: string; messages: Message[] } {
  const messages: Message[] = [];
  const rawAt = p.text.indexOf('》');
  let text = tidySpaces(p.text, true).replace(/\(/g, '（').replace(/\)/g, '）').replace(/（\s+/g, '（').replace(/\s+）/g, '）');
  text = text.replace(/(\d{4})\s+年/g, '$1年').replace(/（(\d{4})\s*([—–\-－~～至到]{1,2})\s*(\d{4})/gu, '（$1$2$3'); // `( 2024 - 2026 年 )`
  const opens = (text.match(/《/g) ?? []).length;
  const closes = (text.match(/》/g) ?? []).length;
  if (closes > opens) {
    const at = text.indexOf('》');
    text = text.slice(0, at) + text.slice(at + 1);
    messages.push(makeMessage(file, 'warning', 'import-title-artifact', { line: p.line, column: p.column + Math.max(rawAt, 0) },
      `方案标题中多出一个没有配对的“》”，已删除：${text}`,
      '这是封面引用标题时留下的残迹；请核对标题是否与原文一致'));
  }
  return { text, messages };
}
