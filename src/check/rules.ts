/**
 * Every rule id planbook reports, in one table: its severity, a short
 * Chinese title (what the rule is about) and the usual fix. Messages carry
 * the id as `(rule)`; the README's rule tables are generated from this table
 * (`renderRuleTables`), and `test/unit/check/rules.test.ts` fails when a
 * rule id used anywhere in `src/` is missing here.
 *
 * A call site may still word its own message and a more precise hint; the
 * catalog is the reference for what each id means.
 */
export type RuleArea = 'plan' | 'project' | 'units' | 'alignment' | 'templates' | 'progress' | 'import';

export interface RuleInfo {
  area: RuleArea;
  severity: 'error' | 'warning';
  title: string;
  hint: string;
}

const rule = (area: RuleArea, severity: RuleInfo['severity'], title: string, hint: string): RuleInfo => ({ area, severity, title, hint });
const plan = (title: string, hint: string) => rule('plan', 'error', title, hint);

export const RULES = {
  // Plan files (content/plans/<id>.md), from the parser.
  'plan-empty': plan('方案文件是空的', '写入头信息和方案正文，或删除这个文件。'),
  'parse-failed': plan('方案文件无法解析', '按提示的位置检查 Markdown 结构；无法确定时请报告此问题。'),
  'model-invalid': plan('无法建立方案数据', '按提示修正对应字段。'),
  'markdown-too-many-marks': plan('一段中的 Markdown 标记过多', '把正文中的 * _ ~ 写成 \\* \\_ \\~ 或删去；长段落按原文分段。'),
  'front-matter-missing': plan('缺少 YAML 头信息', '在文件开头加上 --- 包围的头信息（id、name、period 等）。'),
  'front-matter-yaml': plan('头信息不是有效的 YAML', '按 YAML 语法修正该行：每行“键: 值”，列表写成 [a, b]。'),
  'unknown-front-matter-key': plan('头信息中有未知的键', '删除该键，或改成 README 中列出的键名。'),
  'front-matter-missing-key': plan('头信息缺少必填的键', '补上该键及其取值。'),
  'front-matter-value': plan('头信息的取值有误', '按 README 中的格式改正取值。'),
  'front-matter-id-mismatch': plan('头信息 id 与文件名不一致', '把文件改名为 <id>.md，或改正 id。'),
  'missing-title': plan('缺少方案标题', '在正文开头写一行“# 方案标题”。'),
  'multiple-titles': plan('出现多个一级标题', '只保留一个 # 方案标题，其余改为 ## 或 ###。'),
  'no-tasks': plan('方案中没有任务', '按格式写出任务：行动标题下的编号列表。'),
  'task-outside-action': plan('任务不在任何行动之下', '把任务移到对应的行动标题（###）下面。'),
  'task-number-missing': plan('任务没有可读的序号', '以“1.”这样的序号开头写任务。'),
  'task-number-duplicate': plan('任务序号重复', '按原文核对并改正序号。'),
  'task-number-gap': plan('任务序号不连续', '按原文核对：补上缺少的任务，或改正这个序号。'),
  'task-number-zero': plan('任务序号为 0', '按原文核对序号，序号从 1 开始。'),
  'task-number-leading-zero': rule('plan', 'warning', '任务序号带前导零', '去掉前导零（007 → 7）。'),
  'task-number-order': plan('任务序号倒退', '按原文核对序号顺序。'),
  'unbalanced-bracket': rule('plan', 'warning', '括号不成对', '按原文补全或删除多余的括号。'),
  'implausible-year': rule('plan', 'warning', '年份不合常理，未作为时限', '按原文核对年份。'),
  'impossible-date': rule('plan', 'warning', '日期不存在', '核对原文，改正日期；改正之前按当月最后一天计。'),
  'deadline-without-year': rule('plan', 'warning', '日期没有写年份，也无从确定', '写明年份（如“2024年6月底前”）；正文中的日期承接前文的年份，一年期的方案（工作要点）取方案年度，两者都没有时这一条不算完成时限。'),
  'annex-unmatched': rule('plan', 'warning', '任务分工表中的任务在正文中找不到', '按原文核对分工表的序号和任务名称。'),
  'annex-row-unmatched': rule('plan', 'warning', '任务分工表的一行对不上正文任务', '按原文核对这一行的序号和文字。'),
  'task-text-unfinished': rule('plan', 'warning', '任务文字没有以句末标点结束', '按原文核对，补全被截断的文字。'),
  // Whole-project checks (src/check/), run by `planbook check` and the build.
  'file-unreadable': rule('project', 'error', '文件无法读取', '检查路径是否正确、文件是否可读，且是 UTF-8 文本。'),
  'duplicate-plan-id': rule('project', 'error', '方案 id 重复', '每个方案的 id 必须唯一，并与文件名一致。'),
  'plan-id-collision': rule('project', 'error', '方案 id 与其他方案生成的网址冲突', '换一个不以“-年份”结尾的 id，并同时改文件名。'),
  'period-out-of-range': rule('project', 'error', '实施期超出范围', 'period 写成 [起始年, 结束年]：年份在 2000—2100 之间，跨度 1—10 年。'),
  'control-character': rule('project', 'error', '含有控制字符', '删除该字符，或换成空格、换行等普通字符。'),
  'font-missing-glyph': rule('project', 'error', 'PDF 字体无法显示的字符', '换成常用写法或通用字符（表情符号、生僻符号无法印到 PDF）。'),
  // content/units.yml
  'units-yaml': rule('units', 'error', '单位对照表不是有效的 YAML', '按 YAML 语法修正该行。'),
  'units-shape': rule('units', 'error', '单位对照表的结构有误', '写成 groups: 列表，每项含 name 和 members。'),
  'units-unknown-key': rule('units', 'error', '单位组中有未知字段', '只允许 name、note、members。'),
  'units-group-name': rule('units', 'error', '单位组缺少名称', '加上 name: 组名。'),
  'units-group-members': rule('units', 'error', '单位组成员少于两个', '在 members 中列出同一职能的不同单位名称。'),
  'units-member': rule('units', 'error', '单位组中有空的成员', '删除该项或写上单位名称。'),
  'units-duplicate': rule('units', 'error', '同一单位出现在两个组中', '一个单位只归入一个组。'),
  // content/alignment.yml
  'alignment-unreadable': rule('alignment', 'error', '对照校订文件无法读取', '检查文件是否存在且可读；不需要校订时删除该文件。'),
  'alignment-yaml': rule('alignment', 'error', '对照校订文件不是有效的 YAML', '按 YAML 语法修正该行，例如 pin: [[yueyang-7, xiangxiang-1]]。'),
  'alignment-shape': rule('alignment', 'error', '对照校订文件的结构有误', '写成 pin: 和 split: 两个列表，每项是一组任务编号。'),
  'alignment-unknown-key': rule('alignment', 'error', '对照校订文件中有未知的键', '只可使用 pin（强制同行）和 split（禁止同行）。'),
  'alignment-unknown-task': rule('alignment', 'error', '引用了不存在的任务', '任务编号写作 <方案id>-<序号>，如 yueyang-7。'),
  'alignment-same-plan': rule('alignment', 'error', '同一行中有同一方案的两项任务', '每行每个方案至多一项任务。'),
  'alignment-contradiction': rule('alignment', 'error', '同一对任务既被 pin 又被 split', '删去其中一条。'),
  // templates/ (site.yml, exports.yml, checklists/*.yml)
  'template-yaml': rule('templates', 'error', '模板不是有效的 YAML', '按 YAML 语法修正该行：每行“键: 值”，列表项以“- ”开头。'),
  'template-invalid': rule('templates', 'error', '模板的取值有误', '按 README“模板”一节改正该键；未知的列名会列出全部可用的列。'),
  'template-missing': rule('templates', 'error', '缺少模板文件', '从仓库中恢复该文件（git checkout -- templates/），或按 README“模板”一节新建。'),
  // content/progress/<plan>.yml and `planbook progress import` (src/progress/)
  'progress-yaml': rule('progress', 'error', '进展文件不是有效的 YAML', '按 YAML 语法修正该行。'),
  'progress-shape': rule('progress', 'error', '进展文件的结构有误', '写成 plan: 方案id、reports: 列表，每项含 task、date、status。'),
  'progress-unknown-key': rule('progress', 'error', '进展文件中有未知的键', '顶层只允许 plan、asOf、reports；每条填报只允许 task、date、status、progress、unit、evidence、note。'),
  'progress-unknown-plan': rule('progress', 'error', '进展文件对应的方案不存在', 'plan 写方案 id（content/plans/<id>.md 的文件名），文件名写成 <id>.yml。'),
  'progress-task-id': rule('progress', 'error', '任务编号写法有误', '任务编号写作 <方案id>-<序号>，如 yueyang-7。'),
  'progress-unknown-task': rule('progress', 'error', '方案中没有这项任务', '按方案核对任务编号（<方案id>-<序号>，如 yueyang-7）。'),
  'progress-date': rule('progress', 'error', '日期无效', '日期写成 2025-03-31 这样的年-月-日。'),
  'progress-date-outside': rule('progress', 'error', '填报日期不在方案实施期内', '核对年份：日期应在方案的实施期（period）之内。'),
  'progress-status': rule('progress', 'error', '状态缺失或无效', '状态只能是 未启动、推进中、已完成、不适用 之一；已逾期由系统推算，不必填写。'),
  'progress-duplicate': rule('progress', 'error', '同一任务同一日期填报了两次', '合并为一条，或改正其中一条的任务编号或日期。'),
  'progress-status-back': rule('progress', 'warning', '已完成的任务状态倒退，且没有说明', '核对状态；确需倒退时在 note（表格中的“备注”）写明原因。'),
  'progress-xlsx-unreadable': rule('progress', 'error', '填报表无法读取', '用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入。'),
  'progress-xlsx-columns': rule('progress', 'error', '填报表缺少必需的列', '使用 planbook 生成的进展填报表；表头至少要有“任务编号”和“状态”两列。'),
  'progress-xlsx-repeated': rule('progress', 'error', '同一任务在填报表中出现两次', '每项任务只填一行；删除重复的行。'),
  // planbook import (raw text → Markdown)
  'import-invalid-id': rule('import', 'error', '方案编号无效', '编号只能用小写字母、数字和连字符。'),
  'import-empty-input': rule('import', 'error', '原文是空的', '确认提取出的原文文件完整。'),
  'import-binary-input': rule('import', 'error', '原文不是文本，也不是 Word 或 PDF', '支持 .docx、带文字层的 PDF 和文本文件；其他格式请另存为 .docx 后再导入。'),
  'import-no-title': rule('import', 'error', '原文中找不到方案标题', '确认原文包含“……实施方案”标题行。'),
  'import-no-tasks': rule('import', 'error', '原文中找不到任务', '确认原文包含编号的任务条目。'),
  'import-suspicious-character': rule('import', 'warning', '原文含有可疑字符', '核对该字符，必要时换成常用写法。'),
  'import-confusable': rule('import', 'warning', '原文含有易混淆字符', '已按常用写法替换；请核对。'),
  'import-title-artifact': rule('import', 'warning', '标题中有提取残留', '核对标题，删除页眉、页码等残留。'),
  'import-task-number-duplicate': rule('import', 'error', '原文任务序号重复', '按原文核对序号；若原文确实重复，先在原文中改正再导入。'),
  'import-task-number-gap': rule('import', 'error', '原文任务序号不连续', '按原文核对是否漏提取了任务（常见于分页、表格或图片中的任务）。'),
  'import-task-number-zero': rule('import', 'error', '原文任务序号为 0', '按原文核对序号，序号从 1 开始。'),
  'import-task-number-leading-zero': rule('import', 'warning', '原文任务序号带前导零', '已按数值读取（007 → 7）；请核对。'),
  'import-truncated': rule('import', 'warning', '原文可能被截断', '确认原文提取完整。'),
  'import-web-chrome': rule('import', 'warning', '已去掉网页上的栏目、导航和页脚', '核对被去掉的行确实不是方案正文。'),
  'import-letter-spacing': rule('import', 'warning', '已合并字间的空格', 'PDF 提取常在字间加空格；核对合并后的文字。'),
  'import-traditional-converted': rule('import', 'warning', '原文为繁体，已整体转为简体', '核对单位名称等专名的转换结果。'),
  'import-no-place': rule('import', 'error', '从标题中读不出辖区名称', '在标题中写明辖区（如“××街道”），或导入后在头信息中填写 name。'),
  'import-no-period': rule('import', 'error', '读不出方案的实施期', '在标题或正文写明实施年份（如“（2024—2026年）”）后再导入。'),
  'import-period-inferred': rule('import', 'warning', '实施期是从正文推断的', '核对头信息中的 period；标题写明实施期时不会出现此提示。'),
  'import-broken-date': rule('import', 'warning', '成文日期不完整', '按原文核对落款日期；未写入头信息。'),
  'import-check-failed': rule('import', 'error', '导入结果未通过检查', '按提示的位置核对原文；导入器不会写出检查不通过的文件。'),
  'import-planbook-id': rule('import', 'error', '导入的 planbook 文件 id 与 --id 不一致', '用文件中的 id，或先改正文件头信息中的 id。'),
  'import-planbook-invalid': rule('import', 'error', '导入的 planbook 文件本身有错误', '先用 planbook check 修正该文件。'),
  'import-planbook-roundtrip': rule('import', 'error', '重新导入会改变 planbook 文件', '直接把该文件复制到 content/plans/，不必再导入。'),
  'import-docx-damaged': rule('import', 'error', 'Word 文件已损坏', '用 Word 或 WPS 打开确认，然后“另存为” .docx 后再导入。'),
  'import-docx-empty': rule('import', 'error', 'Word 文件里没有文字', '请先用 OCR 软件识别文字，另存为 .docx 后再导入。'),
  'import-pdf-damaged': rule('import', 'error', 'PDF 文件已损坏', '用 PDF 阅读器“另存为”或“打印为 PDF”生成新文件后再导入。'),
  'import-pdf-truncated': rule('import', 'error', 'PDF 文件不完整', '重新下载或复制完整的文件后再导入。'),
  'import-pdf-encrypted': rule('import', 'error', 'PDF 已加密', '输入密码后另存为不加密的 PDF，或索取未加密的文件。'),
  'import-pdf-scanned': rule('import', 'error', 'PDF 是扫描件，没有文字层', '请先用 OCR 软件识别文字，另存为带文字层的 PDF 或 .docx 后再导入。'),
  'import-old-word': rule('import', 'error', '旧版 Word（.doc）或 WPS 格式', '用 Word 或 WPS 打开，“另存为” .docx 后再导入。'),
  'import-rtf': rule('import', 'error', 'RTF 格式无法直接读取', '用 Word 或 WPS 打开，“另存为” .docx 后再导入。'),
  'import-other-zip': rule('import', 'error', '是压缩包或其他 Office 文件，不是 Word 文档', '解压后导入其中的 .docx、.pdf 或 .txt 方案文件。'),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

const AREAS: Record<RuleArea, string> = {
  plan: '方案文件（content/plans/*.md）',
  project: '整个项目（planbook check 与构建）',
  units: '单位对照表（content/units.yml）',
  alignment: '对照校订（content/alignment.yml）',
  templates: '模板（templates/）',
  progress: '任务进展（content/progress/*.yml 与 planbook progress import）',
  import: '导入（planbook import）',
};

/** The README's rule tables, one Markdown table per area. */
export function renderRuleTables(): string {
  const parts: string[] = [];
  for (const [area, heading] of Object.entries(AREAS)) {
    parts.push(`**${heading}**`, '', '| rule | 级别 | 含义 | 处理 |', '| --- | --- | --- | --- |');
    for (const [id, info] of Object.entries(RULES) as [RuleId, RuleInfo][]) {
      if (info.area !== area) continue;
      parts.push(`| \`${id}\` | ${info.severity === 'error' ? '错误' : '警告'} | ${info.title} | ${info.hint} |`);
    }
    parts.push('');
  }
  return parts.join('\n').trimEnd() + '\n';
}
