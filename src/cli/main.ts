/**
 * The `planbook` command line: picks the command, runs it, and turns every
 * failure into a Chinese message and an exit code. A mistake in content or
 * arguments exits 1 without a stack trace; anything else is an internal
 * error, exit 2, with the stack only when PLANBOOK_DEBUG is set.
 */
import { checkCommand } from './commands/check.ts';
import { exportCommand } from './commands/export.ts';
import { HELP } from './commands/help.ts';
import { importCommand } from './commands/import.ts';
import { newCommand } from './commands/new.ts';
import { progressCommand } from './commands/progress.ts';
import { CliError, type CliDeps, type CliIo, type ExitCode } from './types.ts';

const COMMANDS = { import: importCommand, new: newCommand, check: checkCommand, export: exportCommand, progress: progressCommand } as const;

/** `loadDeps` is called at most once, and only by a command that needs it (not for help or bad arguments). */
export async function runCli(
  argv: string[],
  loadDeps: () => Promise<CliDeps>,
  io: CliIo,
  debug = false,
): Promise<ExitCode> {
  let deps: Promise<CliDeps> | undefined;
  const getDeps = () => (deps ??= loadDeps());
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP.main!);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name as keyof typeof COMMANDS];
  if (!command || !Object.hasOwn(COMMANDS, name)) {
    io.stderr(`未知命令“${name}”。`);
    io.stderr('  提示：运行 planbook --help 查看可用命令');
    return 1;
  }
  try {
    return await command(args, getDeps, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(error.message);
      if (error.hint) io.stderr(`  提示：${error.hint}`);
      return 1;
    }
    io.stderr(`planbook 内部错误：${error instanceof Error ? error.message : String(error)}`);
    io.stderr(debug && error instanceof Error && error.stack ? error.stack : '  提示：设置 PLANBOOK_DEBUG=1 重新运行可查看详细信息，并请报告此问题');
    return 2;
  }
}
