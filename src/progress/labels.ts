/** Words and style keys for statuses on the pages. */
import type { ShownStatus } from '../model/progress.ts';
import type { StatedDeadline } from './deadlines.ts';

/** CSS class suffix per status (ASCII, so selectors stay plain). */
export const STATUS_CLASS: Record<ShownStatus, string> = {
  已完成: 'done', 推进中: 'doing', 未启动: 'todo', 已逾期: 'late', 不适用: 'na', 未填报: 'none',
};

/** What each status means, for legends. */
export const STATUS_NOTE: Record<ShownStatus, string> = {
  已完成: '最近一次填报为已完成',
  推进中: '最近一次填报为推进中，未过完成时限',
  未启动: '最近一次填报为未启动，未过完成时限',
  已逾期: '原文写明的完成时限已过，且最近一次填报不是已完成或不适用（含未填报）',
  不适用: '填报为不适用',
  未填报: '还没有填报，且未过完成时限（或原文未写明时限）',
};

/** `2025-03-31` → `2025年3月31日`. */
export function dateLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A task's deadline as the progress views print it: the date, then the
 * phrase as written (`2025年1月28日（原文：2025年春节前）`). A phrase the text
 * does not date says so and how it is counted:
 * `2025年汛期前（原文未写明具体日期，逾期按2025年12月31日计）`.
 */
export function deadlineLabel(deadline: StatedDeadline): string {
  return deadline.exact ? `${dateLabel(deadline.date)}（原文：${deadline.phrase}）` : `${deadline.phrase}（原文未写明具体日期，逾期按${dateLabel(deadline.date)}计）`;
}
