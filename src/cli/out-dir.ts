/**
 * Checks an output folder given on the command line before anything is
 * written, so a mistake is a message (exit 1), never an internal error or a
 * hang: a file where a folder is expected, a link to nowhere, or a place in
 * a pseudo file system (/proc, /sys, /dev) where writes never behave.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { CliError } from './types.ts';

const PSEUDO = ['/proc', '/sys', '/dev'];

export function checkOutDir(command: string, cwd: string, shown: string): string {
  const path = resolve(cwd, shown);
  const link = lstatSync(path, { throwIfNoEntry: false });
  const target = statSync(path, { throwIfNoEntry: false });
  if (link?.isSymbolicLink() && !target) {
    throw new CliError(`${command}：--out ${shown} 是指向不存在位置的链接`, '删除这个链接，或改用一个普通目录');
  }
  const real = realExisting(path);
  if (PSEUDO.some((root) => real === root || real.startsWith(root + sep))) {
    throw new CliError(`${command}：不能写入 ${shown}（${real} 属于系统伪文件系统）`, '用 --out 指定项目中的普通目录，如 dist/data');
  }
  if (target && !target.isDirectory()) {
    throw new CliError(`${command}：--out 应是目录，而 ${shown} 是一个文件`, '用 --out 指定一个目录（不存在时会自动创建）');
  }
  return path;
}

/** The real path of `path`, or of its nearest existing ancestor. */
function realExisting(path: string): string {
  for (let p = path; ; p = dirname(p)) {
    try {
      const real = realpathSync(p);
      return p === path ? real : resolve(real, path.slice(p.length + 1));
    } catch {
      if (dirname(p) === p) return path;
    }
  }
}
