/**
 * Recurrence tags of a task: how often something is to be done.
 *
 * ```text
 * 每季度至少召开一次会议（高危行业领域每月至少1次）   → ['每月', '每季度']
 * 每年至少组织开展一次……（高危行业领域每半年至少一次） → ['每半年', '每年']
 * 一月一通报 → ['每月']    每年度 → ['每年']    每季 → ['每季度']
 * ```
 */
import type { Task } from '../model/schema.ts';

const TAGS: Array<[Task['recurrence'][number], RegExp]> = [
  ['每月', /每月|每个月|按月|逐月|一月一|月报/u],
  ['每季度', /每季|按季度?|逐季|季度点评|季报/u],
  ['每半年', /半年(?:至少|一次|开展|组织|召开|通报|评估)|每半年/u],
  ['每年', /每年(?!半)|每一年|逐年|年年|一年一/u],
];

export function extractRecurrence(text: string): Task['recurrence'] {
  return TAGS.filter(([, pattern]) => pattern.test(text)).map(([tag]) => tag);
}
