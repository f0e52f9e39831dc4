import type { Loader } from 'astro/loaders';
import { loadPlans } from '../load/plans.ts';
import { PlanSchema } from '../model/schema.ts';

/**
 * Content-layer loader for the `plans` collection: reads `content/plans/*.md`
 * through `loadPlans` (the only place that touches the files) and stores one
 * entry per parsed plan. Pages then read the model from the collection and
 * never see Markdown.
 *
 * The build script runs the content check first, so messages here are only
 * logged; a plan the parser could not build at all is left out with a warning.
 */
export function planLoader(dir: string): Loader {
  return {
    name: 'planbook-plans',
    schema: PlanSchema,
    async load({ store, logger, generateDigest }) {
      const { plans, messages } = await loadPlans(dir);
      for (const m of messages) {
        const line = `${m.file}:${m.line}:${m.column}: ${m.message}（${m.rule}）`;
        if (m.severity === 'error') logger.warn(line);
      }
      store.clear();
      for (const plan of plans) {
        const data = plan as unknown as Record<string, unknown>;
        store.set({ id: plan.id, data, digest: generateDigest(data) });
      }
      logger.info(`已载入 ${plans.length} 个方案（${dir}）`);
    },
  };
}

/** The content directory: `PLANBOOK_CONTENT` or `content/plans`. */
export function contentDir(): string {
  return process.env.PLANBOOK_CONTENT ?? 'content/plans';
}
