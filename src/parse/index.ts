/**
 * `parsePlan(markdown, path)`: one plan's Markdown → the plan model and the
 * messages about its content. Pure: no file system, no clock, no network.
 *
 * The unified pipeline parses Markdown (GFM tables, YAML front matter) and
 * runs one small plugin per extraction; each leaves its result on
 * `file.data` and reports problems as vfile messages.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { VFile } from 'vfile';
import { PlanSchema, type ParseResult, type Plan, type Task } from '../model/schema.ts';
import { dueMilestones } from '../model/vocabulary.ts';
import remarkPlanFrontMatter from './front-matter.ts';
import remarkPlanStructure from './structure.ts';
import remarkTaskNumbering from './numbering.ts';
import remarkTaskTitles from './titles.ts';
import remarkTaskEndings from './endings.ts';
import remarkTaskUnits from './units.ts';
import remarkTaskSchedule from './schedule.ts';
import remarkPlanLead from './plan-lead.ts';
import remarkAnnexFields from './annex.ts';
import { report, toMessages } from './report.ts';
import { findDelimiterFlood, MAX_DELIMITER_RUNS } from './limits.ts';
import type { TaskDraft } from './draft.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkPlanFrontMatter)
  .use(remarkPlanStructure)
  .use(remarkTaskNumbering)
  .use(remarkTaskTitles)
  .use(remarkTaskEndings)
  .use(remarkTaskUnits)
  .use(remarkTaskSchedule)
  .use(remarkAnnexFields)
  .use(remarkPlanLead)
  .freeze();

export function parsePlan(markdown: string, path: string): ParseResult {
  markdown = markdown.replace(/^\uFEFF/u, ''); // a BOM would hide the front matter
  const file = new VFile({ value: markdown, path });
  if (markdown.trim() === '') {
    report(file, 'error', 'plan-empty', { line: 1, column: 1 }, '文件是空的', '写入头信息和方案正文，或删除这个文件。');
    return { plan: null, messages: toMessages(file, path) };
  }
  const flood = findDelimiterFlood(markdown);
  if (flood) {
    report(file, 'error', 'markdown-too-many-marks', flood, `这一段有 ${flood.runs} 处 *、_、~ 或 ]( 标记，超过上限 ${MAX_DELIMITER_RUNS}，无法按 Markdown 读取`,
      '正文中的 * _ ~ 请写成 \\* \\_ \\~（或删去），长段落请按原文分段；方案文字本身不会用到这么多标记。');
    return { plan: null, messages: toMessages(file, path) };
  }
  try {
    processor.runSync(processor.parse(file), file);
  } catch (cause) {
    report(file, 'error', 'parse-failed', { line: 1, column: 1 }, `无法解析这个文件：${(cause as Error).message}`,
      '检查文件是否完整、是否为 UTF-8 编码的 Markdown。');
    return { plan: null, messages: toMessages(file, path) };
  }
  const frontMatter = file.data.frontMatter;
  const structure = file.data.structure;
  if (!frontMatter || !structure) return { plan: null, messages: toMessages(file, path) };

  const stem = path.split(/[\\/]/).pop()?.replace(/\.md$/i, '');
  if (stem && stem !== frontMatter.id) {
    report(file, 'error', 'front-matter-id-mismatch', file.data.frontMatterPlaces?.id ?? { line: 2, column: 1 }, `头信息 id “${frontMatter.id}”与文件名“${stem}.md”不一致`,
      '把 id 改成文件名（或把文件改名为 id.md）：页面地址由 id 决定。');
  }
  if (structure.tasks.length === 0) {
    report(file, 'error', 'no-tasks', { line: 1, column: 1 }, '方案中没有找到任何任务',
      '任务写成行动标题（### （一）……）之下的编号列表“1. ……”，或写成带“序号”和“任务”列的表格。');
  }
  const plan: Plan = {
    ...frontMatter,
    path,
    cover: structure.cover,
    body: structure.body,
    actions: structure.actions,
    tasks: structure.tasks.map((draft) => toTask(draft, frontMatter.id, frontMatter.period[1])),
    lead: file.data.planLead ?? null,
  };
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    report(file, 'error', 'model-invalid', { line: 1, column: 1 }, `无法建立方案数据：${issue?.path.join('.')} ${issue?.message}`,
      '按提示位置核对内容格式（见 README“Content format”）。');
    return { plan: null, messages: toMessages(file, path) };
  }
  return { plan: checked.data, messages: toMessages(file, path) };
}

function toTask(draft: TaskDraft, plan: string, periodEnd: number): Task {
  const milestones = draft.milestones ?? [];
  // `2024年11月起` says when a task starts, not when it is due: only the other time nodes set its deadline.
  const due = dueMilestones(milestones);
  const text = draft.paragraphs.join('\n');
  return {
    id: `${plan}-${draft.number}`,
    plan,
    number: draft.number,
    label: draft.label,
    action: draft.action,
    title: draft.title ?? '',
    titleSource: draft.titleSource ?? 'clause',
    text,
    paragraphs: draft.paragraphs.length > 0 ? draft.paragraphs : [''],
    units: draft.units ?? [],
    milestones,
    periods: draft.periods ?? [],
    deadlineYear: due.length > 0 ? due.reduce((max, m) => Math.max(max, m.year), -Infinity) : periodEnd,
    deadlineExplicit: due.length > 0,
    ...(draft.ongoing ? { ongoing: true } : {}),
    recurrence: draft.recurrence ?? [],
    url: `/plans/${plan}/tasks/${draft.number}/`,
    place: draft.place,
  };
}
