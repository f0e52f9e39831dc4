/**
 * `planbook progress import <file.xlsx> --as-of <date>`: read a filled
 * 进展填报表 back into `content/progress/<plan>.yml`, by task id; every
 * problem is reported at its cell, and nothing is written while any error
 * stands. All files are written under temporary names first, then renamed.
 *
 * `planbook progress form --plan <id> | --unit <name> [--out <file.xlsx>]`:
 * write the empty form for one plan or one unit (the site serves the same).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { readArgs } from '../args.ts';
import { printMessages } from '../report.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from '../types.ts';
import { HELP } from './help.ts';

export async function progressCommand(args: string[], getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  const { values, positionals } = readArgs('progress', args, {
    'as-of': { type: 'string' },
    plans: { type: 'string', default: 'content/plans' },
    out: { type: 'string' },
    plan: { type: 'string' },
    unit: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const [sub, ...rest] = positionals;
  if (values.help || !sub) return io.stdout(HELP.progress!), values.help ? 0 : 1;
  if (sub === 'import') return importForm(rest, values, getDeps, io);
  if (sub === 'form') return writeForm(rest, values, getDeps, io);
  throw new CliError(`progress：不认识的子命令“${sub}”`, '用 planbook progress import <填报表.xlsx> --as-of <日期>，或 planbook progress form --plan <方案id>');
}

type Values = { 'as-of'?: string | undefined; plans?: string | undefined; out?: string | undefined; plan?: string | undefined; unit?: string | undefined };

async function importForm(files: string[], values: Values, getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  if (files.length !== 1) throw new CliError('progress import：请给出一个填报表文件', '用法：planbook progress import <填报表.xlsx> --as-of 2025-03-31');
  const file = files[0]!;
  const asOf = values['as-of'];
  if (!asOf) throw new CliError('progress import：缺少 --as-of <日期>', '写明这次填报截至的日期，如 --as-of 2025-03-31');
  const { IsoDateSchema } = await import('../../model/progress.ts');
  if (!IsoDateSchema.safeParse(asOf).success) throw new CliError(`progress import：--as-of“${asOf}”不是有效日期`, '日期写成 2025-03-31 这样的年-月-日');
  const stat = statSync(resolve(io.cwd, file), { throwIfNoEntry: false });
  if (!stat) throw new CliError(`progress import：找不到文件 ${file}`, '检查文件路径是否正确');
  if (!stat.isFile()) throw new CliError(`progress import：${file} 不是文件`, '给出填好的进展填报表（.xlsx）');
  const plans = await cleanPlans(values.plans!, getDeps, 'progress import', io);
  const { progressDir } = await import('../../progress/load.ts');
  const outDir = values.out ?? progressDir(values.plans!);
  const { importProgress } = await import('../../progress/import.ts');
  const { outputs, skipped, messages } = await importProgress(new Uint8Array(await readFile(resolve(io.cwd, file))), {
    file: basename(file), plans, asOf,
    pathOf: (plan) => join(outDir, `${plan}.yml`),
    current: (path) => (existsSync(resolve(io.cwd, path)) ? readFileSync(resolve(io.cwd, path), 'utf8') : null),
  });
  const counts = printMessages(messages, await getDeps(), io);
  if (counts.errors > 0) {
    io.stderr(`${counts.errors} 个错误，${counts.warnings} 个警告：未写入任何文件。改正填报表后重新导入。`);
    return 1;
  }
  if (outputs.length === 0) {
    io.stdout(`填报表中没有填写任何任务的状态（${skipped} 项任务未填写），未写入文件。`);
    return 0;
  }
  const { writeAll } = await import('../../progress/write-files.ts');
  await writeAll(outputs.map((o) => ({ path: resolve(io.cwd, o.path), text: o.text })));
  for (const o of outputs) {
    io.stdout(`已写入 ${relative(io.cwd, resolve(io.cwd, o.path))}：${o.count} 条填报，截至 ${asOf}${o.replacedSample ? '（替换了原有的示例数据）' : ''}`);
  }
  if (skipped > 0) io.stdout(`${skipped} 项任务这次没有填写，保持原有记录。`);
  return 0;
}

async function writeForm(rest: string[], values: Values, getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  if (rest.length > 0) throw new CliError(`progress form：多余的参数 ${rest.join(' ')}`, '用 --plan <方案id> 或 --unit <单位名称>');
  if (!values.plan === !values.unit) throw new CliError('progress form：请给出 --plan <方案id> 或 --unit <单位名称>（二选一）', '如 planbook progress form --plan yueyang');
  const plans = await cleanPlans(values.plans!, getDeps, 'progress form', io);
  const { formTasks } = await import('../../progress/forms.ts');
  const form = formTasks(plans, values.plan ? { plan: values.plan } : { unit: values.unit! });
  if (form.tasks.length === 0) {
    throw new CliError(values.plan ? `progress form：没有方案 ${values.plan}` : `progress form：没有方案写明单位“${values.unit}”`, values.plan ? '方案 id 即 content/plans/<id>.md 的文件名' : '单位名称按方案原文书写，可在站点的“单位”页查到');
  }
  const { toProgressXlsx } = await import('../../progress/xlsx.ts');
  const out = values.out ?? `${form.name}进展填报表.xlsx`;
  const { writeAll } = await import('../../progress/write-files.ts');
  await writeAll([{ path: resolve(io.cwd, out), text: await toProgressXlsx(form.tasks, { title: form.title, unit: values.unit }) }]);
  io.stdout(`已写出 ${out}：${form.tasks.length} 项任务`);
  return 0;
}

async function cleanPlans(dir: string, getDeps: () => Promise<CliDeps>, command: string, io: CliIo) {
  if (!statSync(resolve(io.cwd, dir), { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(`${command}：找不到方案目录 ${dir}`, '在项目根目录运行，或用 --plans 指定目录');
  }
  const { plans, messages } = await (await getDeps()).loadPlans(dir);
  if (messages.some((m) => m.severity === 'error')) throw new CliError(`${command}：方案文件有错误`, '先运行 planbook check 并改正方案文件');
  if (plans.length === 0) throw new CliError(`${command}：${dir} 下没有方案文件`, '在项目根目录运行，或用 --plans 指定目录');
  return plans;
}
