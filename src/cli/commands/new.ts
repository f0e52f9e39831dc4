/**
 * `planbook new <id>`: start a plan from the skeleton `templates/plan.md`,
 * written to `<plans>/<id>.md` with its id filled in. Never overwrites: an
 * existing file is left as it is and the command exits 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArgs } from '../args.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from '../types.ts';
import { HELP } from './help.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function newCommand(args: string[], _getDeps: () => Promise<CliDeps>, io: CliIo): Promise<ExitCode> {
  const { values, positionals } = readArgs('new', args, {
    plans: { type: 'string', default: 'content/plans' },
    template: { type: 'string', default: 'templates/plan.md' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return io.stdout(HELP.new!), 0;
  const [id, ...extra] = positionals;
  if (!id) throw new CliError('new：缺少方案编号', '写成 planbook new <编号>，如 planbook new yueyang');
  if (extra.length > 0) throw new CliError(`new：多余的参数 ${extra.join(' ')}`, '一次新建一个方案');
  if (!ID.test(id)) throw new CliError(`new：方案编号“${id}”无效`, '编号只能用小写字母、数字和连字符，如 songjiang-yueyang');
  let skeleton: string;
  try {
    skeleton = readFileSync(resolve(io.cwd, values.template!), 'utf8');
  } catch {
    throw new CliError(`new：找不到方案骨架 ${values.template}`, '在项目根目录运行，或用 --template 指定骨架文件');
  }
  if (!/^id:[ \t]*\S+/m.test(skeleton)) throw new CliError(`new：${values.template} 的头信息中没有 id 一行`, '在头信息中保留“id: new-plan”一行');
  const target = join(values.plans!, `${id}.md`);
  try {
    // 'wx' fails when the file exists, even if it appears between a check and the write.
    writeFileSync(resolve(io.cwd, target), skeleton.replace(/^id:([ \t]*)\S+/m, `id:$1${id}`), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`new：${target} 已存在，未作改动`, '换一个编号，或直接编辑该文件');
    if (code === 'ENOENT') throw new CliError(`new：找不到方案目录 ${values.plans}`, '在项目根目录运行，或用 --plans 指定目录');
    throw new CliError(`new：无法写入 ${target}（${code ?? '未知原因'}）`, '检查目录是否可写');
  }
  io.stdout(`已新建 ${target}：按原文填写各项内容，然后运行 planbook check ${target}`);
  return 0;
}
