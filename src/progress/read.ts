/**
 * Read `content/progress/<plan>.yml` into the progress model, with every
 * problem a message at the YAML's own line and column:
 *
 * ```yaml
 * plan: yueyang
 * asOf: 2025-03-31            # optional: the date the reports are taken as of
 * reports:
 *   - task: yueyang-7
 *     date: 2025-03-31
 *     status: 推进中            # 未启动 | 推进中 | 已完成 | 不适用 (已逾期 is derived)
 *     progress: 已完成 12 家企业的隐患排查。
 *     unit: 街道安全办          # optional
 *     evidence: [https://example.org/a.pdf]   # optional
 *     note: 复查发现问题，重新整改   # optional
 * ```
 * → `{ plan: 'yueyang', asOf: '2025-03-31', entries: [{ task: 'yueyang-7', … place: { line: 4, column: 5 } }] }`
 *
 * Pure: checks only the file itself. Task ids, dates against the plan period
 * and status changes are checked against the plans in `check.ts`.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { readYaml } from '../check/yaml.ts';
import { RULES, type RuleId } from '../check/rules.ts';
import type { Message } from '../model/schema.ts';
import { leadingComment } from './write.ts';
import {
  ENTRY_KEYS, FILE_KEYS, IsoDateSchema, REPORTED_STATUSES, ReportedStatusSchema, SAMPLE_MARK,
  type ProgressEntry, type ProgressFile,
} from '../model/progress.ts';

export interface ReadProgress {
  /** Null when the file cannot be used at all; otherwise the entries that could be read. */
  progress: ProgressFile | null;
  messages: Message[];
}

export function readProgress(text: string, file: string): ReadProgress {
  const { doc, lines, messages } = readYaml(text, file, 'progress-yaml', RULES['progress-yaml'].hint);
  const report = (node: Node | null | undefined, rule: RuleId, message: string) => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    const { severity, hint } = RULES[rule];
    messages.push({ file, line: pos.line, column: pos.col, severity, rule, message, hint });
  };
  if (!doc) return { progress: null, messages };
  const root = doc.contents;
  const list = isMap(root) ? root.get('reports', true) : undefined;
  const empty = list == null || (isScalar(list) && list.value == null);
  if (!isMap(root) || !(isSeq(list) || empty)) {
    report(root, 'progress-shape', '进展文件应有 plan 和 reports 列表。');
    return { progress: null, messages };
  }
  unknownKeys(root, FILE_KEYS, (key) => report(key, 'progress-unknown-key', `进展文件中有未知的键“${String((key as { value?: unknown }).value)}”。`));
  const plan = root.get('plan');
  if (typeof plan !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(plan)) {
    report(root.get('plan', true) ?? root, 'progress-shape', '缺少方案 id（plan），或写法有误。');
    return { progress: null, messages };
  }
  const asOfNode = root.get('asOf', true) as Node | undefined;
  const asOf = asOfNode ? date(scalarText(asOfNode)) : null;
  if (asOfNode && !asOf) report(asOfNode, 'progress-date', `asOf“${scalarText(asOfNode)}”不是有效日期。`);
  const entries: ProgressEntry[] = [];
  for (const item of isSeq(list) ? list.items : []) {
    if (!isMap(item)) {
      report(item as Node, 'progress-shape', '每条填报应是含 task、date、status 的映射。');
      continue;
    }
    const entry = readEntry(item, report);
    if (entry) {
      const { line, col } = lines.linePos(item.range?.[0] ?? 0);
      entries.push({ ...entry, place: { line, column: col } });
    }
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  const sample = leadingComment(text).includes(SAMPLE_MARK);
  return { progress: { plan, asOf, entries, path: file, sample }, messages };
}

type Report = (node: Node | null | undefined, rule: RuleId, message: string) => void;

function readEntry(item: YAMLMap, report: Report): Omit<ProgressEntry, 'place'> | null {
  unknownKeys(item, ENTRY_KEYS, (key) => report(key, 'progress-unknown-key', `填报中有未知的键“${String((key as { value?: unknown }).value)}”。`));
  const node = (key: string) => item.get(key, true) as Node | undefined;
  const task = scalarText(node('task'));
  const when = date(scalarText(node('date')));
  const statusText = scalarText(node('status'));
  const status = ReportedStatusSchema.safeParse(statusText);
  let ok = true;
  if (!/^[a-z0-9][a-z0-9-]*-\d+$/.test(task)) {
    report(node('task') ?? item, 'progress-task-id', task ? `任务编号“${task}”写法有误。` : '缺少任务编号（task）。');
    ok = false;
  }
  if (!when) {
    report(node('date') ?? item, 'progress-date', node('date') ? `日期“${scalarText(node('date'))}”不是有效日期。` : '缺少填报日期（date）。');
    ok = false;
  }
  if (!status.success) {
    const message = statusText === '已逾期'
      ? '“已逾期”由完成时限和填报日期推算，不能直接填写。'
      : statusText ? `状态“${statusText}”不在 ${REPORTED_STATUSES.join('、')} 之中。` : '缺少状态（status）。';
    report(node('status') ?? item, 'progress-status', message);
    ok = false;
  }
  const evidenceNode = node('evidence');
  const evidence = isSeq(evidenceNode) ? evidenceNode.items.map((n) => scalarText(n as Node)).filter(Boolean)
    : evidenceNode ? [scalarText(evidenceNode)].filter(Boolean) : [];
  if (!ok || !status.success || !when) return null;
  return {
    task, date: when, status: status.data,
    progress: scalarText(node('progress')),
    unit: scalarText(node('unit')) || null,
    evidence,
    note: scalarText(node('note')) || null,
  };
}

function unknownKeys(map: YAMLMap, allowed: readonly string[], report: (key: Node) => void): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!allowed.includes(key)) report(pair.key as Node);
  }
}

function scalarText(node: Node | null | undefined): string {
  if (!isScalar(node) || node.value == null) return '';
  return String(node.value).trim();
}

/** The ISO date, or null when the text is not a real calendar date. */
function date(text: string): string | null {
  return IsoDateSchema.safeParse(text).success ? text : null;
}
