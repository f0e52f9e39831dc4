/** `planbook --help`, and the help of each command. */

export const HELP: Record<string, string> = {
  main: `planbook：安全生产治本攻坚三年行动方案的站点与数据工具

用法：planbook <命令> [参数]

命令：
  import <方案文件> --id <编号>   把方案（Word .docx、PDF 或文本）转换为 content/plans/<编号>.md
  import <文件夹>                 导入文件夹里的每个方案文件，编号取自文件名
  check [文件…]                   检查方案文件（默认 content/plans/*.md、content/alignment.yml 和 templates/）
  new <编号>                      按 templates/plan.md 新建方案文件 content/plans/<编号>.md
  export [--out 目录]             导出 plans.json、tasks.csv、tasks.xlsx
  progress import <填报表.xlsx> --as-of <日期>   把填好的进展填报表导入 content/progress/<方案id>.yml
  progress form --plan <方案id> | --unit <单位>  生成空白的进展填报表

每个命令都可以加 --help 查看详细用法。
退出码：0 通过（可能有警告），1 内容或参数有误，2 程序内部错误。`,
  import: `用法：planbook import <方案文件> --id <编号> [--out content/plans] [--force]
      planbook import <文件夹> [--out content/plans] [--force]

读取方案文件，转换为 Markdown 方案文件 <目录>/<编号>.md。按文件内容识别格式：
Word（.docx，含 WPS 另存的 .docx）、带文字层的 PDF、文本（.txt/.md，任意常见编码）。
扫描件 PDF、加密或损坏的文件、旧版 .doc 会给出说明，不写文件。
  --id <编号>     方案编号：小写字母、数字和连字符，如 yueyang（导入文件夹时取文件名）
  --out <目录>    输出目录，默认 content/plans
  --force         覆盖已存在的文件
导入文件夹时逐个报告；有错误的文件不写入，其余照常写入，最后汇总，有未写入的文件时退出码为 1。
有错误时不写文件，退出码为 1；文件要么完整写入，要么保持原样。`,
  check: `用法：planbook check [文件…] [--plans content/plans] [--templates templates]

检查方案 Markdown 文件、对照表（alignment.yml）和模板，按 文件:行:列 列出问题和处理建议。
不给文件时检查 <--plans 目录>/*.md，同级的 units.yml、alignment.yml（如存在）和 progress/*.yml（任务进展），
以及模板目录 templates/（站点设置、导出列、任务清单模板；如存在）。
有错误时退出码为 1，只有警告时为 0。`,
  new: `用法：planbook new <编号> [--plans content/plans] [--template templates/plan.md]

按方案骨架 templates/plan.md 新建 <--plans 目录>/<编号>.md，并把头信息中的 id 改为该编号。
骨架里有带注释的头信息、正文结构说明和一项示例任务；按原文改写后运行 planbook check。
文件已存在时不覆盖，退出码为 1。`,
  export: `用法：planbook export [--out dist/data] [--plans content/plans]

读取全部方案，写出 plans.json、tasks.csv（UTF-8，Excel 可直接打开）和 tasks.xlsx。
检查有错误时不导出，退出码为 1。`,
  progress: `用法：planbook progress import <填报表.xlsx> --as-of <日期> [--plans content/plans] [--out content/progress]
      planbook progress form (--plan <方案id> | --unit <单位名称>) [--out <文件.xlsx>] [--plans content/plans]

import：按“任务编号”（不按行的位置）读回填好的进展填报表，写入 <--out 目录>/<方案id>.yml。
  --as-of <日期>  这次填报截至的日期（如 2025-03-31）；“填报日期”为空的行取这个日期，
                  已逾期按这个日期推算
每个问题都报告到单元格（如 填报表.xlsx:进展填报!F12），并给出处理建议；
有任何错误时不写入任何文件，退出码为 1。状态、进展等都为空的行视为这次未填报。
form：生成一个方案或一个单位的空白填报表（状态列带下拉列表）。`,
};
