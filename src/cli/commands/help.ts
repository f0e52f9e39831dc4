/** `planbook --help`, and the help of each command. */

export const HELP: Record<string, string> = {
  main: `planbook：安全生产治本攻坚三年行动方案的站点与数据工具

用法：planbook <命令> [参数]

命令：
  import <原文.txt> --id <编号>   把提取出的原文转换为 content/plans/<编号>.md
  check [文件…]                   检查方案文件（默认 content/plans/*.md 和 content/alignment.yml）
  export [--out 目录]             导出 plans.json、tasks.csv、tasks.xlsx

每个命令都可以加 --help 查看详细用法。
退出码：0 通过（可能有警告），1 内容或参数有误，2 程序内部错误。`,
  import: `用法：planbook import <原文.txt> --id <编号> [--out content/plans] [--force]

读取提取出的原文（任意常见编码），转换为 Markdown 方案文件 <目录>/<编号>.md。
  --id <编号>     方案编号：小写字母、数字和连字符，如 yueyang
  --out <目录>    输出目录，默认 content/plans
  --force         覆盖已存在的文件
有错误时不写文件，退出码为 1；文件要么完整写入，要么保持原样。`,
  check: `用法：planbook check [文件…] [--plans content/plans]

检查方案 Markdown 文件和对照表（alignment.yml），按 文件:行:列 列出问题和处理建议。
不给文件时检查 <--plans 目录>/*.md，以及同级的 alignment.yml（如存在）。
有错误时退出码为 1，只有警告时为 0。`,
  export: `用法：planbook export [--out dist/data] [--plans content/plans]

读取全部方案，写出 plans.json、tasks.csv（UTF-8，Excel 可直接打开）和 tasks.xlsx。
检查有错误时不导出，退出码为 1。`,
};
