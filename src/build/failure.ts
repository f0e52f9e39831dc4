/**
 * How a failed build explains itself: one Chinese line saying what failed,
 * the cause when there is one, and what to do; exit 1 when the content is
 * at fault, 2 otherwise. Stack traces only with PLANBOOK_VERBOSE=1.
 */

/** A problem the user fixes in the content (exit 1). */
export class ContentFailure extends Error {}

const SYSTEM: Record<string, string> = {
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已用完',
  EACCES: '没有写入权限',
  EPERM: '操作不被允许',
  EROFS: '文件系统是只读的',
  EMFILE: '同时打开的文件过多',
  ENOMEM: '内存不足',
};

function codeOf(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && SYSTEM[code]) return code;
  }
  return undefined;
}

export function describeFailure(error: unknown, verbose: boolean): { lines: string[]; exitCode: 1 | 2 } {
  if (error instanceof ContentFailure) return { lines: [error.message], exitCode: 1 };
  const lines: string[] = [];
  const code = codeOf(error);
  const text = error instanceof Error ? error.message : String(error);
  lines.push(code ? `构建失败：${SYSTEM[code]}（${code}）。` : `构建失败：${firstLine(text)}`);
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && !code) lines.push(`原因：${firstLine(cause instanceof Error ? cause.message : String(cause))}`);
  if (verbose && error instanceof Error && error.stack) lines.push(error.stack);
  lines.push(code
    ? '  提示：腾出空间或修正权限后重新运行 npm run build。'
    : '  提示：设置 PLANBOOK_VERBOSE=1 重新运行可查看详细信息；若内容检查已通过而构建仍失败，请报告此问题。');
  return { lines, exitCode: 2 };
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}
