/** Reading a command's arguments with `node:util` parseArgs, in Chinese when they are wrong. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './types.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${command}：${describe(error)}`, `运行 planbook ${command} --help 查看用法`);
  }
}

function describe(error: unknown): string {
  const { code, message = '' } = error as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不认识的选项 ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${option.split(' ')[0]} 的取值有误`;
  return `参数有误（${message}）`;
}
