/**
 * `planbook check [files…]`: check plan Markdown files and the alignment
 * table, print every message as `file:line:col`, end with a summary line.
 * Exit 1 when there is an error, 0 when there are only warnings.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Message } from '../../model/schema.ts';
import { readArgs } from '../args.ts';
import { printMessages, summaryLine } from '../report.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from '../types.ts';
import { HELP } from './help.ts';

const ALIGNMENT = /\.ya?ml$/i;

export async function checkCommand(args: string[], getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  const { values, positionals } = readArgs('check', args, {
    plans: { type: 'string', default: 'content/plans' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return io.stdout(HELP.check!), 0;
  const plansDir = values.plans!;
  const files = positionals.length > 0 ? positionals : await defaultFiles(plansDir, io);
  if (files.length === 0) throw new CliError(`check：${plansDir} 下没有方案文件`, '先用 planbook import 导入方案，或给出要检查的文件');
  const missing = files.filter((file) => !existsSync(resolve(io.cwd, file)));
  if (missing.length > 0) throw new CliError(`check：找不到文件 ${missing.join('、')}`, '检查文件路径是否正确');

  const deps = await getDeps();
  const markdown = files.filter((file) => !ALIGNMENT.test(file));
  const alignment = files.filter((file) => ALIGNMENT.test(file));
  const messages: Message[] = markdown.length > 0 ? await deps.checkFiles(markdown) : [];
  for (const file of alignment) messages.push(...(await checkAlignment(file, plansDir, deps, io)));

  const counts = printMessages(messages, deps, io);
  (counts.errors > 0 ? io.stderr : io.stdout)(summaryLine(files.length, counts));
  return counts.errors > 0 ? 1 : 0;
}

async function defaultFiles(plansDir: string, io: CliIo): Promise<string[]> {
  const dir = resolve(io.cwd, plansDir);
  if (!existsSync(dir)) throw new CliError(`check：找不到方案目录 ${plansDir}`, '在项目根目录运行，或用 --plans 指定目录');
  const plans = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort().map((name) => join(plansDir, name));
  const alignment = join(dirname(plansDir), 'alignment.yml');
  return existsSync(resolve(io.cwd, alignment)) ? [...plans, alignment] : plans;
}

async function checkAlignment(file: string, plansDir: string, deps: CliDeps, io: CliIo): Promise<Message[]> {
  if (!deps.checkAlignmentFile) {
    io.stdout(`跳过 ${file}：对照表检查尚未提供`);
    return [];
  }
  const { plans } = await deps.loadPlans(plansDir);
  return deps.checkAlignmentFile(file, plans);
}
