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
const KEPT = Symbol.for('planbook.kept');

export interface HandedAlignment {
  alignment: Promise<Alignment>;
  /** Every task text cut into words for the compare pages' diffs. */
  cuts: Promise<DisplayCuts>;
}

type Holder = { [KEY]?: HandedAlignment; [KEPT]?: Set<() => void> };

export function handOverAlignment(handed: HandedAlignment): void {
  (globalThis as Holder)[KEY] = handed;
}

export function handedAlignment(): HandedAlignment | undefined {
  return (globalThis as Holder)[KEY];
}

/**
 * Registers how to drop what a module keeps for every page of a build (the
 * model, the alignment, the progress, the cut texts). Astro's copy of the
 * modules stays loaded in the build's process after the pages are written,
 * and with it all they kept: `releaseBuild` drops it.
 */
export function keptForBuild(drop: () => void): void {
  ((globalThis as Holder)[KEPT] ??= new Set()).add(drop);
}

/**
 * After Astro: drops what the pages' modules kept and the alignment handed
 * over (the files step holds its own promise of it), so that the later
 * steps do not run beside them.
 */
export function releaseBuild(): void {
  const holder = globalThis as Holder;
  for (const drop of holder[KEPT] ?? []) drop();
  delete holder[KEY];
}
