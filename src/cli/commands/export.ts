/**
 * `planbook export [--out DIR]`: load every plan and write `plans.json`,
 * `tasks.csv` and `tasks.xlsx`. Refuses, writing nothing, while the plans
 * have errors; the three files are replaced as a set (all or none).
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPORT_FILES } from '../../export/names.ts';
import { readArgs } from '../args.ts';
import { checkOutDir } from '../out-dir.ts';
import { printMessages } from '../report.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from '../types.ts';
import { HELP } from './help.ts';

/** File-system refusals that are about the place the user chose, not about planbook. */
const WRITE_PROBLEMS: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '操作不被允许',
  EROFS: '文件系统是只读的',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已用完',
  ENOTDIR: '路径中有一段不是目录',
  EISDIR: '目标是一个目录',
  EEXIST: '路径中有同名文件',
  ENAMETOOLONG: '路径太长',
  ELOOP: '链接循环',
  EXDEV: '不能跨文件系统改名',
};

export async function exportCommand(args: string[], getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  const { values, positionals } = readArgs('export', args, {
    out: { type: 'string', default: 'dist/data' },
    plans: { type: 'string', default: 'content/plans' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return io.stdout(HELP.export!), 0;
  if (positionals.length > 0) throw new CliError(`export：多余的参数 ${positionals.join(' ')}`, '用 --out 指定输出目录');
  const plansDir = values.plans!;
  const out = values.out!;
  const plansStat = statSync(resolve(io.cwd, plansDir), { throwIfNoEntry: false });
  if (!plansStat) throw new CliError(`export：找不到方案目录 ${plansDir}`, '在项目根目录运行，或用 --plans 指定目录');
  if (!plansStat.isDirectory()) throw new CliError(`export：--plans 应是目录，而 ${plansDir} 不是`, '用 --plans 指定存放 <id>.md 的目录');
  const outDir = checkOutDir('export', io.cwd, out);
  for (const name of EXPORT_FILES) {
    const existing = statSync(join(outDir, name), { throwIfNoEntry: false });
    if (existing && !existing.isFile()) throw new CliError(`export：${join(out, name)} 已存在且不是文件，未导出`, '删除或改名该目录后重试，或换一个 --out 目录');
  }

  const deps = await getDeps();
  const { plans, messages } = await deps.loadPlans(plansDir);
  const { errors, warnings } = printMessages(messages, deps, io);
  if (errors > 0) {
    io.stderr(`未导出：方案有 ${errors} 个错误。先运行 planbook check 并修正。`);
    return 1;
  }
  if (plans.length === 0) throw new CliError(`export：${plansDir} 下没有方案文件`, '先用 planbook import 导入方案');

  let written: string[];
  try {
    written = await deps.writeExports(plans, outDir, resolve(io.cwd, plansDir));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!WRITE_PROBLEMS[code]) throw error;
    throw new CliError(`export：无法写入 ${out}：${WRITE_PROBLEMS[code]}（${code}），原有文件保持不变`, '换一个可写的 --out 目录，或腾出空间后重试');
  }
  const tasks = plans.reduce((sum, plan) => sum + plan.tasks.length, 0);
  const names = written.map((path) => path.slice(path.lastIndexOf('/') + 1)).join('、');
  io.stdout(`已导出 ${plans.length} 个方案、${tasks} 项任务到 ${out}：${names}（${warnings} 个警告）`);
  return 0;
}
