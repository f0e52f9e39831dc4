/**
 * Deadlines and periods stated in a task's text.
 *
 * ```text
 * 2024年底前，各部门培树2-3家企业；2026年底前，总结经验做法。
 *   → milestones 2024 '底前' '2024年底前，各部门培树2-3家企业', 2026 '底前' …
 * 其中：2024年，组织……；2025年，组织……；2026年，组织……。   → three milestones
 * 在2024年至2026年期间，集中开展……    → period 2024–2026, no milestone
 * 三年内完成全覆盖                     → period over the plan's years
 * ```
 * Never deadlines: years in titles `《…（2024—2026年）》`, document numbers
 * `〔2023〕17号`, standards `AQ8011-2023`, `2023行动`, and years before the
 * plan period (`2023年及以前排查发现的` refers to the past).
 */
import type { Milestone, Task } from '../model/schema.ts';

export interface Schedule {
  milestones: Milestone[];
  periods: Task['periods'];
  /** Years that cannot be meant (typos such as 2062 or 1024), with their offset. */
  implausible: Array<{ year: number; at: number; phrase: string }>;
}

const TITLE = /《[^《》]*》/gu;
const CODE = /[A-Za-z]{1,6}\s*\/?\s*[A-Za-z]?\s*\d[\d.]*\s*[-—–]\s*\d{4}/gu;
const RANGE = /(\d{4})\s*年?\s*(?:至|到|—|–|－|-|~|～)\s*(\d{4})\s*年(?:期间|间)?/gu;
const WITHIN = /(?:三|3)\s*年内/gu;
const DEADLINE = /(到|至|截至)?(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*)?(年底前|年底|底前|底|年内|内|前|起|以来|及以前|以前|以后|度|的)?/gu;
const END = /[。！？!?\n]/u;

const QUALIFIERS: Record<string, string> = { 年底前: '底前', 底前: '底前', 年底: '底', 底: '底', 年内: '年内', 内: '年内', 前: '前', 起: '起' };

export function extractSchedule(text: string, period: [number, number]): Schedule {
  let masked = text.replace(TITLE, blank).replace(CODE, blank);
  const periods: Task['periods'] = [];
  const found: Array<{ at: number; length: number; milestone?: Omit<Milestone, 'text'>; period?: { from: number; to: number } }> = [];
  masked = masked.replace(RANGE, (match, from: string, to: string, at: number) => {
    found.push({ at, length: match.length, period: { from: Number(from), to: Number(to) } });
    return blank(match);
  });
  masked = masked.replace(WITHIN, (match, at: number) => {
    found.push({ at, length: match.length, period: { from: period[0], to: period[1] } });
    return blank(match);
  });
  const implausible: Schedule['implausible'] = [];
  for (const match of masked.matchAll(DEADLINE)) {
    const [phrase, , yearText, monthText, tail = ''] = match;
    const at = match.index;
    if (/[\dA-Za-z\-—〔［\[.]/u.test(masked[at - 1] ?? '')) continue;
    const year = Number(yearText);
    const month = monthText ? Number(monthText) : null;
    if (year < 2000 || year > 2100 || year > period[1] + 10 || (month !== null && (month < 1 || month > 12))) {
      implausible.push({ year, at, phrase: phrase.trim() });
      continue;
    }
    if (year < period[0] || ['以来', '及以前', '以前', '以后', '度', '的'].includes(tail)) continue;
    const qualifier = QUALIFIERS[tail] ?? (month ? '月' : '年');
    found.push({ at, length: phrase.length, milestone: { year, month, qualifier, phrase: phrase.trim() } });
  }
  found.sort((a, b) => a.at - b.at);
  const milestones: Milestone[] = [];
  found.forEach((entry, i) => {
    const next = found.slice(i + 1).find((later) => later.milestone)?.at ?? text.length;
    const sentenceEnd = text.slice(entry.at).search(END);
    const end = Math.min(next, sentenceEnd < 0 ? text.length : entry.at + sentenceEnd);
    const clause = text.slice(entry.at, end).replace(/[\s，,；;：:。]+$/u, '');
    if (entry.milestone) milestones.push({ ...entry.milestone, text: clause });
    if (entry.period) periods.push({ ...entry.period, text: clause });
  });
  return { milestones, periods, implausible };
}

function blank(match: string): string {
  return ' '.repeat(match.length);
}
