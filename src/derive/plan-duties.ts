/**
 * The responsibilities a plan states for the whole effort, outside any task.
 *
 * ```markdown
 * ## 三、任务分工
 * （一）区安委会负责制定本区安全生产治本攻坚三年行动方案，统筹做好……的组织推动。区安委会办公室负责指导……
 * ```
 * → `[{ text: '区安委会负责制定本区安全生产治本攻坚三年行动方案，统筹做好……的组织推动。', section: '三、任务分工', line: 61 }, …]`.
 *
 * Only paragraphs under the plan's 组织领导 / 任务分工 / 组织实施 / 保障措施 /
 * 工作要求 headings are read, and only sentences whose subject is a body
 * (…委员会, …安委办, …中心（应急管理中心）, 领导小组办公室设…) that 负责 / 牵头
 * something, or work that such a body 承担. They are quoted whole, kept on the plan and shown as
 * plan-level: a task that names no unit still names none.
 */
import type { Plan } from '../model/schema.ts';

export interface PlanDuty {
  text: string; // the sentence as written, with its closing 。
  section: string; // the heading it stands under: 三、任务分工
  line: number; // line of its paragraph in the plan file
}

const SECTION = /组织领导|任务分工|组织实施|保障措施|工作要求|职责分工/u;
const BODY = '(?:委员会|安委会|安委办|领导小组|办公室|管理局|局|中心(?:（[^（）]{1,12}）)?|工作专班)';
const SUBJECT = new RegExp(`^(?:（[一二三四五六七八九十]+）)?(?:[^，。；：“”]{0,24}?${BODY})(?:要|具体)?(?:牵头)?负责(?!同志|人)`, 'u');
const LED_BY = new RegExp(`^(?:（[一二三四五六七八九十]+）)?由[^，。；：“”]{2,24}?${BODY}牵头负责`, 'u');
const SEATED = new RegExp(`设[^，。；：“”]{2,24}?${BODY}[^。；]*具体负责`, 'u');
const CARRIED = new RegExp(`工作由[^，。；：“”]{2,24}?${BODY}承担`, 'u');

/** Every plan-level responsibility sentence, in document order. */
export function planDuties(plan: Plan): PlanDuty[] {
  const out: PlanDuty[] = [];
  let section: string | null = null;
  for (const block of plan.body) {
    if (block.kind === 'heading' && block.depth <= 2) section = SECTION.test(block.text) ? block.text : null;
    if (block.kind === 'action' || block.kind === 'task') section = null;
    if (block.kind !== 'paragraph' || section === null) continue;
    for (const sentence of block.text.match(/[^。]+。?/gu) ?? []) {
      const text = sentence.trim();
      if (SUBJECT.test(text) || LED_BY.test(text) || SEATED.test(text) || CARRIED.test(text)) out.push({ text, section, line: block.place.line });
    }
  }
  return out;
}
