/**
 * A full garbage collection of the build's own heap between steps. What
 * Astro leaves behind unreferenced (its render loop's strings and objects)
 * is otherwise freed only when the next step's allocations push the heap
 * up, so the build's peak was Astro's garbage plus the files and search
 * steps' work. V8's own `gc`, reached as Node's documentation shows
 * (`v8.setFlagsFromString('--expose-gc')`), without a command-line flag.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * Collects the garbage of a loop that allocates much and keeps little: each
 * time the heap has grown by `bytes` since the last collection (`check`
 * after each round), so its peak is what it keeps plus `bytes`. `heap` and
 * `collect` default to V8's used heap size and `collectGarbage`.
 */
export function heapBudget(bytes: number, heap = () => getHeapStatistics().used_heap_size, collect = collectGarbage): { check(): void } {
  let base = heap();
  return {
    check() {
      if (heap() - base < bytes) return;
      collect();
      base = heap();
    },
  };
}
