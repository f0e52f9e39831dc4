import { formatMessage } from '../check/format.ts';
import { sitePlans } from './loader.ts';
import { siteModel, type SiteModel } from './model.ts';
import { keptForBuild } from './handoff.ts';

export { createModel, unitGroupsPath, type SiteModel } from './model.ts';

let model: Promise<SiteModel> | undefined;
keptForBuild(() => (model = undefined));

/**
 * The site model, memoised: every page of one build shares it. Built from
 * the plans the content check parsed (`sitePlans`), not through a content
 * collection: the model is already checked, and Astro's data store would
 * validate, serialise and read back every plan once more.
 */
export function getModel(): Promise<SiteModel> {
  model ??= sitePlans().then(({ plans, messages }) => {
    // Only without the build's check before it (`astro dev`): its errors are shown, not lost.
    for (const m of messages) if (m.severity === 'error') console.warn(formatMessage(m));
    return siteModel(plans);
  });
  return model;
}
