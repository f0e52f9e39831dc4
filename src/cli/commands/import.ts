/**
 * `planbook import <raw.txt> --id <id>`: turn an extracted text into
 * `content/plans/<id>.md`. Writes nothing when the importer reports an
 * error, and never replaces an existing file without `--force`.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../export/write-atomic.ts';
import { PlanIdSchema } from '../../model/schema.ts';
import { readArgs } from '../args.ts';
import { printMessages } from '../report.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from '../types.ts';
import { HELP } from './help.ts';

export async function importCommand(args: string[], getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  const { values, positionals } = readArgs('import', args, {
    id: { type: 'string' },
    out: { type: 'string', default: 'content/plans' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return io.stdout(HELP.import!), 0;
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0) throw new CliError('import：需要且只需要一个原文文件', '用法：planbook import <原文.txt> --id <编号>');
  const id = values.id;
  if (!id) throw new CliError('import：缺少方案编号', '用 --id 给出编号，如 --id yueyang');
  if (!PlanIdSchema.safeParse(id).success) {
    throw new CliError(`import：方案编号“${id}”无效`, '编号只能用小写字母、数字和连字符，且以字母或数字开头，如 yueyang');
  }
  const target = join(values.out!, `${id}.md`);
  const deps = await getDeps();
  const bytes = await readInput(resolve(io.cwd, input), input);
  const { markdown, messages } = deps.importPlan(bytes, { id, path: input });
  const { errors, warnings } = printMessages(messages, deps, io);
  if (markdown === null || errors > 0) {
    io.stderr(`未写入 ${target}：导入有 ${errors} 个错误，${warnings} 个警告。请按提示修正原文后重试。`);
    return 1;
  }
  await writeTarget(resolve(io.cwd, target), target, markdown, values.force!);
  io.stdout(`已写入 ${target}（${warnings} 个警告）。下一步：planbook check ${target}`);
  return 0;
}

async function readInput(path: string, shown: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new CliError(`import：无法读取 ${shown}（${codeOf(error)}）`, '检查文件路径是否正确');
  }
}

async function writeTarget(path: string, shown: string, markdown: string, force: boolean): Promise<void> {
  try {
    await writeFileAtomic(path, markdown, { overwrite: force });
  } catch (error) {
    if (codeOf(error) === 'EEXIST') {
      throw new CliError(`import：${shown} 已存在，未覆盖`, '确认要替换时加 --force；文件里的手工修改会丢失');
    }
    throw new CliError(`import：无法写入 ${shown}（${codeOf(error)}）`, '检查输出目录是否存在且可写');
  }
}

function codeOf(error: unknown): string {
  return (error as { code?: string } | null)?.code ?? String(error);
}

