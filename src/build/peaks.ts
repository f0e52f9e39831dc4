/**
 * Peak memory of a process and everything it starts, by program name
 * (`node`, `pagefind_extended`…), read from Linux's /proc: each process's
 * VmHWM (its own peak resident set) is sampled until it exits. Each sample
 * also adds up the resident sets (VmRSS) of the whole tree at that moment:
 * the largest such sum is what the build held at once, which the sum of
 * the programs' peaks only bounds from above (they need not peak together).
 * The build reports both; the bench watches whole builds. Elsewhere the map
 * stays empty, `together` 0, and the reports say so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface Peaks {
  /** Program name → peak RSS in MB (the largest process of that name). */
  each: Map<string, number>;
  /** The largest resident set of the whole tree at one sample, in MB. */
  together: number;
}

export interface PeakWatch {
  /** Stop sampling and give the peaks. */
  stop(): Peaks;
}

export function watchPeaks(rootPid: number, everyMs = 100): PeakWatch {
  const peaks = new Map<string, number>();
  let together = 0;
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
    let now = 0;
    for (const [pid, short] of name) {
      if (!inTree(pid)) continue;
      try {
        // The kernel cuts names at 15 bytes (`pagefind_extend`): the program's own file name instead.
        const argv0 = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
        const comm = argv0.startsWith(`/`) || argv0.includes('/') ? basename(argv0) : short;
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        now += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        // A process that is exiting or just starting (no command line yet, under 1 MB): not a program of its own.
        if (kb >= 1024) peaks.set(comm, Math.max(peaks.get(comm) ?? 0, Math.round(kb / 1024)));
      } catch {
        // exited
      }
    }
    together = Math.max(together, Math.round(now / 1024));
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  sample();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { each: peaks, together };
    },
  };
}
