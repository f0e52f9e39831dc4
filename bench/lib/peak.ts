/**
 * Peak memory of a child process and everything it starts, by program name
 * (`node`, `pagefind_extended`…), read from Linux's /proc: each process's
 * VmHWM (its own peak resident set) is sampled until it exits. Elsewhere the
 * map stays empty and the bench says so.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface PeakWatch {
  /** Stop sampling; program name → peak RSS in MB (the largest process of that name). */
  stop(): Map<string, number>;
}

export function watchPeaks(rootPid: number, everyMs = 100): PeakWatch {
  const peaks = new Map<string, number>();
  const sample = () => {
    let entries: string[];
    try {
      entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
    } catch {
      return;
    }
    const parent = new Map<number, number>();
    const name = new Map<number, string>();
    for (const pid of entries) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        name.set(Number(pid), stat.slice(stat.indexOf('(') + 1, close));
        parent.set(Number(pid), Number(stat.slice(close + 2).split(' ')[1]));
      } catch {
        // gone between listing and reading
      }
    }
    const inTree = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === rootPid) return true;
      return false;
    };
    for (const [pid, comm] of name) {
      if (!inTree(pid)) continue;
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        peaks.set(comm, Math.max(peaks.get(comm) ?? 0, Math.round(kb / 1024)));
      } catch {
        // exited
      }
    }
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return peaks;
    },
  };
}
