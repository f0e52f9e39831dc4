/**
 * The alignment the build computes beside Astro: the build script starts it
 * in a worker thread (src/build/align.ts) while Astro bundles, and hands the
 * promise over here; the compare and task pages take it instead of
 * aligning the plans themselves. Astro renders the pages in the build's own
 * process but from its own copy of the modules, so the promise is kept under
 * a registered symbol, not in a module variable. Without a build script
 * (`astro dev`, tests) nothing is handed over and the pages align themselves.
 */
import type { Alignment } from '../align/types.ts';

const KEY = Symbol.for('planbook.alignment');
type Holder = { [KEY]?: Promise<Alignment> };

export function handOverAlignment(alignment: Promise<Alignment>): void {
  (globalThis as Holder)[KEY] = alignment;
}

export function handedAlignment(): Promise<Alignment> | undefined {
  return (globalThis as Holder)[KEY];
}
