/**
 * The comparison of one build: the site model plus the alignment of all its
 * plans (with content/alignment.yml applied), computed once and shared by
 * the compare pages and /data/comparison.json.
 */
import { getModel, type SiteModel } from '../../site/data.ts';
import { alignPlans } from '../../align/index.ts';
import { readCurated } from '../../align/read-curated.ts';
import type { Alignment } from '../../align/types.ts';
import { comparisonView, type ComparisonView } from '../../align/view.ts';
import { handedAlignment, keptForBuild } from '../../site/handoff.ts';
import { forgetDisplayTokens, primeDisplayTokens } from '../../align/tokens.ts';

let cached: Promise<{ model: SiteModel; alignment: Alignment }> | undefined;

export function getComparison() {
  cached ??= (async () => {
    const model = await getModel();
    // The build aligns the same plans and curation in a worker while Astro bundles (src/site/handoff.ts),
    // then cuts the task texts into words; until they come, a page cuts its own.
    const handed = handedAlignment();
    handed?.cuts.then(primeDisplayTokens, () => {});
    return { model, alignment: handed ? await handed.alignment : alignPlans(model.plans, await readCurated()) };
  })();
  return cached;
}

let viewed: Promise<{ view: ComparisonView; pairs: Set<string> }> | undefined;
keptForBuild(() => {
  cached = undefined;
  viewed = undefined;
  forgetDisplayTokens();
});

/** The comparison view of every plan and its pairs, computed once for all compare pages (paths, /compare/, /compare/plans/, topics). */
export function getComparisonView() {
  viewed ??= getComparison().then(({ model, alignment }) => {
    const view = comparisonView(model.plans, alignment);
    return { view, pairs: comparePairs(view.plans, view.overlap) };
  });
  return viewed;
}

/** Up to this many plans, every ordered pair gets a two-plan page. */
const ALL_PAIRS_UP_TO = 12;
/** Beyond it, each plan gets pages with its closest plans only, so pages grow linearly, not as n². */
const CLOSEST_PARTNERS = 3;

/**
 * The ordered pairs `a|b` that get a `/compare/<a>/<b>/` page. The heat map
 * and the pair list link only these, so the link check holds at any size.
 */
export function comparePairs(
  plans: readonly { id: string }[],
  overlap: (a: string, b: string) => number,
): Set<string> {
  const pairs = new Set<string>();
  for (const a of plans) {
    const others = plans.filter((b) => b.id !== a.id);
    const chosen =
      plans.length <= ALL_PAIRS_UP_TO
        ? others
        : others
            .map((b) => ({ b, v: overlap(a.id, b.id) }))
            .sort((x, y) => y.v - x.v || x.b.id.localeCompare(y.b.id))
            .slice(0, CLOSEST_PARTNERS)
            .map((x) => x.b);
    for (const b of chosen) pairs.add(`${a.id}|${b.id}`).add(`${b.id}|${a.id}`);
  }
  return pairs;
}
