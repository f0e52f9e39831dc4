/**
 * Recurrence tags of a task: how often something is to be done.
 *
 * ```text
 * 每季度至少召开一次会议（高危行业领域每月至少1次）   → ['每月', '每季度']
 * 每年至少组织开展一次……（高危行业领域每半年至少一次） → ['每半年', '每年']
 * 一月一通报 → ['每月']    每年度 → ['每年']    每季 → ['每季度']    年年开展 → ['每年']
 * 2024年年底前完成，6月报送 → [] (a date's 年 and 月)
 * ```
 */
import type { Task } from '../model/schema.ts';

/** Not right after a number: the `月报` of `6月报送` and the `年年` of `2024年年底前` are a date's month and year. */
const UNDATED = '(?<![\\d〇一二三四五六七八九十]\\s*)';

const TAGS: Array<[Task['recurrence'][number], RegExp]> = [
  ['每月', new RegExp(`每月|每个月|按月|逐月|一月一|${UNDATED}月报`, 'u')],
  ['每季度', /每季|按季度?|逐季|季度点评|季报/u],
  ['每半年', /半年(?:至少|一次|开展|组织|召开|通报|评估)|每半年/u],
  ['每年', new RegExp(`每年(?!半)|每一年|逐年|${UNDATED}年年|一年一`, 'u')],
];

export function extractRecurrence(text: string): Task['recurrence'] {
  return TAGS.filter(([, pattern]) => pattern.test(text)).map(([tag]) => tag);
}
