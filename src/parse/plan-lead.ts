/**
 * Finds the unit a plan names as leading the whole effort.
 *
 * ```markdown
 * ## 二、组织领导
 * 由街道安全生产委员会牵头负责此次治本攻坚三年行动的工作推进，……
 * ```
 * → `file.data.planLead = { name: '街道安全生产委员会', text: '由街道安全生产委员会牵头负责此次治本攻坚三年行动的工作推进' }`.
 *
 * Only paragraphs outside tasks are read, and the lead is kept on the plan:
 * it is never copied onto tasks, which state their own units or none.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    planLead: { name: string; text: string } | null;
  }
}

const LEAD = /由([^，。；、“”《》]{2,30}?)牵头负责/u;
const UNIT_END = /(委员会|安委会|安委办|领导小组|办公室|局|委|办|中心|政府|办事处)$/u;

export default function remarkPlanLead() {
  return (_tree: Root, file: VFile) => {
    file.data.planLead = null;
    for (const block of file.data.structure?.body ?? []) {
      if (block.kind !== 'paragraph') continue;
      for (const sentence of block.text.split(/(?<=[。；])/u)) {
        const match = LEAD.exec(sentence);
        if (match?.[1] && UNIT_END.test(match[1]) && !/^(一个|牵头)/u.test(match[1])) {
          file.data.planLead = { name: match[1], text: sentence.replace(/[，。；]$/u, '').split('，')[0] ?? sentence };
          return;
        }
      }
    }
  };
}
