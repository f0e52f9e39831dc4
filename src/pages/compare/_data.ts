/**
 * The comparison of one build: the site model plus the alignment of all its
 * plans (with content/alignment.yml applied), computed once and shared by
 * the compare pages and /data/comparison.json.
 */
import { getModel, type SiteModel } from '../../site/data.ts';
import { alignPlans } from '../../align/index.ts';
import { readCurated } from '../../align/read-curated.ts';
import type { Alignment } from '../../align/types.ts';

let cached: Promise<{ model: SiteModel; alignment: Alignment }> | undefined;

export function getComparison() {
  cached ??= (async () => {
    const model = await getModel();
    return { model, alignment: alignPlans(model.plans, await readCurated()) };
  })();
  return cached;
}
