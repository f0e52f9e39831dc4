/**
 * `content/alignment.yml`: hand curation of the comparison.
 *
 * ```yaml
 * pin:            # these tasks always share one row
 *   - [xiangxiang-1, yueyang-7]
 * split:          # these two tasks never share a row
 *   - [puxinglu-25, yueyang-28]
 * ```
 *
 * `parseCurated` is pure: it returns the curation and messages with
 * positions; `check.ts` adds the checks that need the plans.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { readYaml } from '../check/yaml.ts';
import type { Message } from '../model/schema.ts';
import type { Curated } from './types.ts';

export interface CuratedEntry {
  kind: 'pin' | 'split';
  ids: { id: string; line: number; column: number }[];
  line: number;
  column: number;
}

export interface ParsedCuration {
  curated: Curated;
  entries: CuratedEntry[];
  messages: Message[];
}

export function parseCurated(text: string, file: string): ParsedCuration {
  const { doc, lines, messages } = readYaml(text, file, 'alignment-yaml', '按 YAML 语法修正该行，例如 pin: [[yueyang-7, xiangxiang-1]]。');
  const at = (offset: number | undefined) => lines.linePos(offset ?? 0);
  const report = (offset: number | undefined, rule: string, message: string, hint: string) => {
    const { line, col } = at(offset);
    messages.push({ file, line, column: col, severity: 'error', rule, message, hint });
  };
  const entries: CuratedEntry[] = [];
  const curated: Curated = { pin: [], split: [] };
  if (!doc || doc.contents == null) return { curated, entries, messages };
  if (!isMap(doc.contents)) {
    report(doc.contents.range?.[0], 'alignment-shape', '对照校订文件应为含 pin 和/或 split 的映射。', '写成 pin: 和 split: 两个列表。');
    return { curated, entries, messages };
  }
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (key !== 'pin' && key !== 'split') {
      report(keyNode?.range?.[0], 'alignment-unknown-key', `未知的键“${key}”。`, '只可使用 pin（强制同行）和 split（禁止同行）。');
      continue;
    }
    const list = pair.value as Node | null;
    if (!isSeq(list)) {
      report(list?.range?.[0] ?? keyNode?.range?.[0], 'alignment-shape', `${key} 应为列表，每项是一组任务编号。`, `例如 ${key}: [[yueyang-7, xiangxiang-1]]。`);
      continue;
    }
    for (const item of list.items as Node[]) {
      const { line, col } = at(item.range?.[0]);
      if (!isSeq(item) || !item.items.every((x) => isScalar(x))) {
        report(item.range?.[0], 'alignment-shape', `${key} 的每一项应为任务编号列表。`, '写成 [岳阳任务编号, 湘乡任务编号]，如 [yueyang-7, xiangxiang-1]。');
        continue;
      }
      const ids = (item.items as Node[]).map((x) => {
        const p = at(x.range?.[0]);
        return { id: String((x as { value: unknown }).value), line: p.line, column: p.col };
      });
      const need = key === 'split' ? ids.length === 2 : ids.length >= 2;
      if (!need) {
        report(item.range?.[0], 'alignment-shape', key === 'split' ? 'split 的每一项应恰好列出两个任务。' : 'pin 的每一项应至少列出两个任务。', '补全或删除该项。');
        continue;
      }
      entries.push({ kind: key, ids, line, column: col });
      if (key === 'pin') curated.pin.push(ids.map((x) => x.id));
      else curated.split.push([ids[0].id, ids[1].id]);
    }
  }
  return { curated, entries, messages };
}
