/**
 * The alignment the build computes beside Astro: the build script starts it
 * in a worker thread (src/build/align.ts) while Astro bundles, and hands the
 * promises over here; the compare and task pages take the alignment instead
 * of aligning the plans themselves, and the compare pages the task texts
 * already cut into words. Astro renders the pages in the build's own process
 * but from its own copy of the modules, so the promises are kept under a
 * registered symbol, not in a module variable. Without a build script
 * (`astro dev`, tests) nothing is handed over and the pages align and cut
 * the texts themselves.
 */
import type { DisplayCuts } from '../align/tokens.ts';
import type { Alignment } from '../align/types.ts';

const KEY = Symbol.for('planbook.alignment');

export interface HandedAlignment {
  alignment: Promise<Alignment>;
  /** Every task text cut into words for the compare pages' diffs. */
  cuts: Promise<DisplayCuts>;
}

type Holder = { [KEY]?: HandedAlignment };

export function handOverAlignment(handed: HandedAlignment): void {
  (globalThis as Holder)[KEY] = handed;
}

export function handedAlignment(): HandedAlignment | undefined {
  return (globalThis as Holder)[KEY];
}
