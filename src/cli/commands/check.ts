/**
 * `planbook check [files…]`: run the project check (the same `checkProject`
 * the build runs) and print every message as `file:line:col`, then a summary
 * line. Without files: every `<plans>/*.md`, and `units.yml` and
 * `alignment.yml` beside the plans folder when they exist, every
 * `progress/*.yml` beside it, and the `templates/` folder (or `--templates
 * <目录>`) when it exists. Exit 1 when there is an error, 0 when there are
 * only warnings.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { progressDir, progressFiles } from '../../progress/load.ts';
import { readArgs } from '../args.ts';
import { printMessages, summaryLine } from '../report.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from '../types.ts';
import { HELP } from './help.ts';

const YAML = /\.ya?ml$/i;

export async function checkCommand(args: string[], getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  const { values, positionals } = readArgs('check', args, {
    plans: { type: 'string', default: 'content/plans' },
    templates: { type: 'string', default: 'templates' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return io.stdout(HELP.check!), 0;
  const plansDir = values.plans!;
  for (const file of positionals) requireFile(io, file);
  const given = positionals.filter((file) => !YAML.test(file));
  const yaml = positionals.filter((file) => YAML.test(file));
  const units = positionals.length > 0 ? yaml.find((file) => basename(file) === 'units.yml') : sibling(io, plansDir, 'units.yml');
  const alignment = positionals.length > 0 ? yaml.find((file) => basename(file) !== 'units.yml') : sibling(io, plansDir, 'alignment.yml');
  // The alignment file names tasks of the plans: without plan files given, check it against the plans folder.
  const plans = given.length > 0 || (positionals.length > 0 && !alignment) ? given : await planFiles(plansDir, io);
  if (plans.length === 0 && !units) throw new CliError(`check：${plansDir} 下没有方案文件`, '先用 planbook import 导入方案，或给出要检查的文件');

  // Progress files are checked with the whole plans folder (they name tasks of the plans).
  const progress = positionals.length > 0 ? [] : progressFiles(resolve(io.cwd, progressDir(plansDir))).map((p) => relative(io.cwd, p));
  const deps = await getDeps();
  const templates = positionals.length === 0 && existsSync(resolve(io.cwd, values.templates!)) ? values.templates : undefined;
  const { messages, files } = await deps.checkProject({ root: io.cwd, plans, units, alignment, templates, ...(progress.length > 0 ? { progress } : {}) });
  const counts = printMessages(messages, deps, io);
  (counts.errors > 0 ? io.stderr : io.stdout)(summaryLine(files, counts));
  return counts.errors > 0 ? 1 : 0;
}

function requireFile(io: CliIo, file: string): void {
  const stat = statSync(resolve(io.cwd, file), { throwIfNoEntry: false });
  if (!stat) throw new CliError(`check：找不到文件 ${file}`, '检查文件路径是否正确');
  if (!stat.isFile()) throw new CliError(`check：${file} 不是文件`, '给出方案文件（.md）或 units.yml、alignment.yml；检查整个目录用 --plans <目录>');
}

async function planFiles(plansDir: string, io: CliIo): Promise<string[]> {
  const stat = statSync(resolve(io.cwd, plansDir), { throwIfNoEntry: false });
  if (!stat) throw new CliError(`check：找不到方案目录 ${plansDir}`, '在项目根目录运行，或用 --plans 指定目录');
  if (!stat.isDirectory()) throw new CliError(`check：--plans 应是目录，而 ${plansDir} 不是`, '用 --plans 指定存放 <id>.md 的目录；检查单个文件时直接写出文件名');
  return (await readdir(resolve(io.cwd, plansDir))).filter((name) => name.endsWith('.md')).sort().map((name) => join(plansDir, name));
}

function sibling(io: CliIo, plansDir: string, name: string): string | undefined {
  const path = join(dirname(plansDir), name);
  return existsSync(resolve(io.cwd, path)) ? path : undefined;
}
