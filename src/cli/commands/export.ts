/**
 * `planbook export [--out DIR]`: load every plan and write `plans.json`,
 * `tasks.csv` and `tasks.xlsx`. Refuses, writing nothing, while the plans
 * have errors.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readArgs } from '../args.ts';
import { printMessages } from '../report.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from '../types.ts';
import { HELP } from './help.ts';

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
  if (!existsSync(resolve(io.cwd, plansDir))) {
    throw new CliError(`export：找不到方案目录 ${plansDir}`, '在项目根目录运行，或用 --plans 指定目录');
  }

  const deps = await getDeps();
  const { plans, messages } = await deps.loadPlans(plansDir);
  const { errors, warnings } = printMessages(messages, deps, io);
  if (errors > 0) {
    io.stderr(`未导出：方案有 ${errors} 个错误。先运行 planbook check 并修正。`);
    return 1;
  }
  if (plans.length === 0) throw new CliError(`export：${plansDir} 下没有方案文件`, '先用 planbook import 导入方案');

  const written = await deps.writeExports(plans, resolve(io.cwd, out));
  const tasks = plans.reduce((sum, plan) => sum + plan.tasks.length, 0);
  const names = written.map((path) => path.slice(path.lastIndexOf('/') + 1)).join('、');
  io.stdout(`已导出 ${plans.length} 个方案、${tasks} 项任务到 ${out}：${names}（${warnings} 个警告）`);
  return 0;
}
