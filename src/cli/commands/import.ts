/**
 * `planbook import <plan> --id <id>`: turn a plan file (text, Word .docx or
 * PDF, told apart by content) into `content/plans/<id>.md`; or
 * `planbook import <folder>`: every plan file in the folder, each under the
 * id its file name gives (`岳阳.docx` is refused, `yueyang.docx` → yueyang).
 *
 * A file with an error is not written; in a folder the other files still
 * are, and a summary lists what was written and what was not. An existing
 * file is never replaced without `--force`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../../export/write-atomic.ts';
import { PlanIdSchema } from '../../model/schema.ts';
import { readArgs } from '../args.ts';
import { printMessages } from '../report.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from '../types.ts';
import type { CoverRead } from '../../import/frontmatter.ts';
import { HELP } from './help.ts';
import { yearSpan } from '../../model/vocabulary.ts';

/** Names a folder import picks up; other files are listed as skipped. Content decides how each is read. */
const PLAN_FILE = /\.(?:txt|md|docx|pdf|doc|wps|rtf)$/i;

interface Options {
  out: string;
  force: boolean;
}

export async function importCommand(args: string[], getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  const { values, positionals } = readArgs('import', args, {
    id: { type: 'string' },
    out: { type: 'string', default: 'content/plans' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return io.stdout(HELP.import!), 0;
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0) throw new CliError('import：需要且只需要一个方案文件或文件夹', '用法：planbook import <方案.docx|.pdf|.txt> --id <编号>，或 planbook import <文件夹>');
  const options = { out: values.out!, force: values.force! };
  await checkOut(resolve(io.cwd, options.out), options.out);
  const kind = await kindOf(resolve(io.cwd, input), input);
  if (kind === 'folder') {
    if (values.id) throw new CliError('import：导入文件夹时不能用 --id', '每个文件按文件名得到编号（yueyang.docx → yueyang）；要指定编号请逐个导入文件');
    return importFolder(input, options, getDeps, io);
  }
  const id = values.id;
  if (!id) throw new CliError('import：缺少方案编号', '用 --id 给出编号，如 --id yueyang');
  checkId(id);
  const deps = await getDeps();
  const outcome = await importOne(input, id, options, deps, io);
  return outcome === 'written' ? 0 : 1;
}

async function importFolder(folder: string, options: Options, getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  const names = (await readdir(resolve(io.cwd, folder), { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const plans = names.filter((name) => PLAN_FILE.test(name));
  for (const name of names.filter((n) => !PLAN_FILE.test(n))) io.stdout(`跳过 ${join(folder, name)}：不是方案文件（.docx、.pdf、.txt、.md）`);
  if (plans.length === 0) throw new CliError(`import：${folder} 里没有方案文件`, '文件夹里应有 .docx、.pdf、.txt 或 .md 文件');
  const deps = await getDeps();
  const written: string[] = [];
  const failed: string[] = [];
  const seen = new Map<string, string>();
  for (const name of plans) {
    const path = join(folder, name);
    const id = basename(name, extname(name));
    io.stdout(`— ${path}`);
    if (!PlanIdSchema.safeParse(id).success) {
      io.stderr(`${path}：文件名“${id}”不能用作方案编号`);
      io.stderr('  提示：把文件改名为小写字母、数字和连字符，如 yueyang.docx，或用 --id 单独导入这个文件');
      failed.push(path);
      continue;
    }
    if (seen.has(id)) {
      io.stderr(`${path}：编号 ${id} 已由 ${seen.get(id)} 使用，未导入`);
      io.stderr('  提示：同一方案只保留一个文件（如只留 .docx），或把其中一个改名');
      failed.push(path);
      continue;
    }
    seen.set(id, path);
    try {
      ((await importOne(path, id, options, deps, io)) === 'written' ? written : failed).push(path);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stderr(error.message);
      if (error.hint) io.stderr(`  提示：${error.hint}`);
      failed.push(path);
    }
  }
  const summary = `${plans.length} 个方案文件：已写入 ${written.length} 个，未写入 ${failed.length} 个`;
  if (failed.length === 0) return io.stdout(summary), 0;
  io.stderr(`${summary}（${failed.join('、')}）。有错误的文件都没有写入，其余文件已写入；请按提示修正后重新导入这些文件。`);
  return 1;
}

async function importOne(input: string, id: string, options: Options, deps: CliDeps, io: CliIo): Promise<'written' | 'failed'> {
  const target = join(options.out, `${id}.md`);
  const bytes = await readInput(resolve(io.cwd, input), input);
  const { markdown, messages, front } = await deps.importPlan(bytes, { id, path: input });
  const { errors, warnings } = printMessages(messages, deps, io);
  if (markdown === null || errors > 0) {
    if (front) io.stderr(coverSummary(front));
    io.stderr(`未写入 ${target}：导入有 ${errors} 个错误，${warnings} 个警告。请按提示修正原文后重试。`);
    return 'failed';
  }
  await writeTarget(resolve(io.cwd, target), target, markdown, options.force);
  io.stdout(`已写入 ${target}（${warnings} 个警告）。下一步：planbook check ${target}`);
  return 'written';
}

/** `已从封面和标题读出：标题 …；地名 …；…`: what was read, so a refused plan still shows it. */
export function coverSummary(front: CoverRead): string {
  const shown = (value: string | null) => value ?? '未读出';
  return `已从封面和标题读出：标题 ${front.title}；地名 ${shown(front.name)}（${front.level}）；发文单位 ${shown(front.issuer)}；文号 ${shown(front.docNumber)}；成文日期 ${shown(front.issuedOn)}；实施期 ${front.period ? `${yearSpan(...front.period)} 年` : '未读出'}`;
}

function checkId(id: string): void {
  if (!PlanIdSchema.safeParse(id).success) {
    throw new CliError(`import：方案编号“${id}”无效`, '编号只能用小写字母、数字和连字符，且以字母或数字开头，如 yueyang');
  }
}

/** `--out` names a folder; a file there (or a `.md` name) is a mistake, said so before any import. */
async function checkOut(path: string, shown: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info ? !info.isDirectory() : /\.md$/i.test(shown)) {
    throw new CliError(`import：--out 应是输出目录，而 ${shown} ${info ? '是一个文件' : '像是文件名'}`, '--out 给目录（默认 content/plans），文件名由 --id 决定：--out content/plans --id yueyang 写出 content/plans/yueyang.md');
  }
}

async function kindOf(path: string, shown: string): Promise<'file' | 'folder'> {
  const info = await stat(path).catch((error: unknown) => {
    throw new CliError(`import：无法读取 ${shown}（${codeOf(error)}）`, '检查文件路径是否正确');
  });
  return info.isDirectory() ? 'folder' : 'file';
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
