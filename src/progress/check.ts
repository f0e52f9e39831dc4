/**
 * Progress records against the plans: the file's plan exists (and names the
 * file), every task id is a task of that plan, every date lies in the plan
 * period, no task is reported twice on one date, and a task reported
 * 已完成 does not go back to another status without a note.
 *
 * ```text
 * content/progress/yueyang.yml:12:11: 错误 方案 yueyang 中没有任务 yueyang-99 (progress-unknown-task)
 * content/progress/yueyang.yml:30:5: 警告 任务 yueyang-3 在 2024-12-31 已报“已完成”，2025-03-31 改为“推进中”，没有说明 (progress-status-back)
 * ```
 */
import { basename } from 'node:path/posix';
import { RULES, type RuleId } from '../check/rules.ts';
import type { ProgressEntry, ProgressFile } from '../model/progress.ts';
import type { Message, Plan, Place } from '../model/schema.ts';
import { readProgress } from './read.ts';
import { yearSpan } from '../model/vocabulary.ts';

/** A progress file's text: its own problems, then the checks against the plans. */
export function checkProgressFile(text: string, file: string, plans: readonly Plan[]): Message[] {
  const { progress, messages } = readProgress(text, file);
  return progress ? [...messages, ...checkProgress(progress, plans)] : messages;
}

export function checkProgress(progress: ProgressFile, plans: readonly Plan[]): Message[] {
  const messages: Message[] = [];
  const report = (place: Place, rule: RuleId, message: string) => {
    const { severity, hint } = RULES[rule];
    messages.push({ file: progress.path, line: place.line, column: place.column, severity, rule, message, hint });
  };
  const top = { line: 1, column: 1 };
  const plan = plans.find((p) => p.id === progress.plan);
  if (!plan) {
    report(top, 'progress-unknown-plan', `没有 id 为“${progress.plan}”的方案。`);
    return messages;
  }
  const name = basename(progress.path.replaceAll('\\', '/')).replace(/\.ya?ml$/i, '');
  if (name !== plan.id) report(top, 'progress-unknown-plan', `文件名“${name}”与 plan“${plan.id}”不一致。`);
  const [from, to] = [`${plan.period[0]}-01-01`, `${plan.period[1]}-12-31`];
  const outside = (date: string) => date < from || date > to;
  if (progress.asOf && outside(progress.asOf)) {
    report(top, 'progress-date-outside', `asOf ${progress.asOf} 不在方案实施期 ${yearSpan(...plan.period)} 年之内。`);
  }
  const tasks = new Set(plan.tasks.map((t) => t.id));
  const seen = new Map<string, ProgressEntry>();
  for (const entry of progress.entries) {
    if (!tasks.has(entry.task)) report(entry.place, 'progress-unknown-task', `方案 ${plan.id} 中没有任务 ${entry.task}。`);
    if (outside(entry.date)) report(entry.place, 'progress-date-outside', `日期 ${entry.date} 不在方案实施期 ${yearSpan(...plan.period)} 年之内。`);
    const key = `${entry.task} ${entry.date}`;
    const first = seen.get(key);
    if (first) report(entry.place, 'progress-duplicate', `任务 ${entry.task} 在 ${entry.date} 已有一条填报（第 ${first.place.line} 行）。`);
    else seen.set(key, entry);
  }
  statusBacks(progress.entries, report);
  return messages;
}

/** A status after 已完成 that is not 已完成 again, without a note saying why. */
function statusBacks(entries: readonly ProgressEntry[], report: (p: Place, r: RuleId, m: string) => void): void {
  const byTask = new Map<string, ProgressEntry[]>();
  for (const e of entries) byTask.set(e.task, [...(byTask.get(e.task) ?? []), e]);
  for (const list of byTask.values()) {
    const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date));
    let done: ProgressEntry | null = null;
    for (const entry of sorted) {
      if (entry.status === '已完成') done = entry;
      else if (done && entry.date > done.date && !entry.note) {
        report(entry.place, 'progress-status-back', `任务 ${entry.task} 在 ${done.date} 已报“已完成”，${entry.date} 改为“${entry.status}”，没有说明。`);
        done = null;
      } else if (entry.note) done = null;
    }
  }
}
