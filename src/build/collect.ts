/**
 * A full garbage collection of the build's own heap between steps. What
 * Astro leaves behind unreferenced (its render loop's strings and objects)
 * is otherwise freed only when the next step's allocations push the heap
 * up, so the build's peak was Astro's garbage plus the files and search
 * steps' work. V8's own `gc`, reached as Node's documentation shows
 * (`v8.setFlagsFromString('--expose-gc')`), without a command-line flag.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
