/**
 * Tokenisers for the comparison: character bigrams (no dictionary) or
 * jieba words with a small domain dictionary.
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import type { Tokenizer } from './types.ts';
import { segments } from './normalize.ts';

/** Domain words jieba would otherwise cut apart. */
export const DOMAIN_WORDS = [
  '重大事故隐患', '安全生产', '治本攻坚', '生产经营单位', '主要负责人', '判定标准', '自查自改', '动态清零',
  '闭环销号', '韧性安全', '示范城市', '监测预警', '疏散逃生', '应急救援', '标准化', '第三方服务', '打非治违',
  '双重预防', '四不两直', '安康杯', '一岗双责', '党政同责', '三管三必须', '城镇燃气', '消防安全', '危险化学品',
  '危化品', '高危行业', '特种作业', '从业人员', '教育培训', '举报奖励', '精准执法', '综合整治', '源头管控',
  '风险评估', '会商机制', '产业目录', '隐患数据库', '督办制度', '工程治理', '消防车通道', '电梯安全筑底',
  '自建房', '老旧小区', '执法人员', '专家库', '宣传教育', '示范创建', '安全文化', '管理体系', '专项治理',
  '道路交通', '建筑施工', '工贸', '非煤矿山', '烟花爆竹', '防灾减灾', '基层末梢', '数字化转型', '事前预防',
];

let jieba: Jieba | undefined;
function getJieba(): Jieba {
  if (!jieba) {
    // Loaded lazily so the bigram path (and the browser) never touches the native module.
    const require = createRequire(import.meta.url);
    const { Jieba: J } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = J.withDict(dict);
    jieba.loadDict(new TextEncoder().encode(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n')));
  }
  return jieba;
}

const STOP = new Set(['的', '和', '与', '及', '等', '对', '在', '将', '要', '了', '并', '为', '以', '或', '中', '按照', '进一步', '加强', '推动', '推进', '落实', '开展', '完善', '强化', '健全']);

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const seg of segments(text)) {
    const chars = [...seg];
    if (chars.length === 1) continue;
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

function words(text: string): string[] {
  const out: string[] = [];
  for (const seg of segments(text)) {
    for (const w of getJieba().cut(seg, false)) if (w.length > 1 && !STOP.has(w)) out.push(w);
  }
  return out;
}

export function tokenize(text: string, tokenizer: Tokenizer): string[] {
  return tokenizer === 'jieba' ? words(text) : bigrams(text);
}

// A task's text is cut once per build, though many pages diff it: kept joined (one string per text, not
// an array of small ones), and forgotten wholesale past a bound so memory stays flat at any size.
const SEP = '\u0000';
const cut = new Map<string, string>();
const CUT_KEPT = 50_000;

/** A text's display tokens as one string, as `displayTokens` keeps them (and the build hands them over). */
export function displayCut(text: string): string {
  return getJieba().cut(text, false).join(SEP);
}

/** Task texts and their display tokens, each joined as `displayCut` gives them. */
export type DisplayCuts = [text: string, joined: string][];

/** Forgets every text's display tokens (kept for a build's pages). */
export function forgetDisplayTokens(): void {
  cut.clear();
}

/** Takes texts already cut (by the build's alignment worker), so the pages need not load jieba. */
export function primeDisplayTokens(cuts: DisplayCuts): void {
  for (const [text, joined] of cuts) {
    if (cut.size >= CUT_KEPT) return;
    cut.set(text, joined);
  }
}

/** Word tokens for display diffs (jieba words, kept with punctuation so the text can be rebuilt). */
export function displayTokens(text: string): string[] {
  let joined = cut.get(text);
  if (joined === undefined) {
    if (cut.size >= CUT_KEPT) cut.clear();
    joined = displayCut(text);
    cut.set(text, joined);
  }
  return joined === '' ? [] : joined.split(SEP);
}
