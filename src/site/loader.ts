import type { Loader } from 'astro/loaders';
import { loadPlans } from '../load/plans.ts';
import { readFile } from 'node:fs/promises';
import { PlanSchema, type Message, type Plan } from '../model/schema.ts';

/**
 * Content-layer loader for the `plans` collection: reads `content/plans/*.md`
 * through `loadPlans` (the only place that touches the files) and stores one
 * entry per parsed plan. Pages then read the model from the collection and
 * never see Markdown.
 *
 * The build script runs the content check first, so messages here are only
 * logged; a plan the parser could not build at all is left out with a warning.
 * The check has parsed every plan already: the build passes them on in
 * `PLANBOOK_PARSED` (a JSON file in its scratch folder), so a build parses
 * each plan once.
 */
export function planLoader(dir: string): Loader {
  return {
    name: 'planbook-plans',
    schema: PlanSchema,
    async load({ store, logger, generateDigest }) {
      const { plans, messages } = await parsedOrLoad(dir);
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

async function parsedOrLoad(dir: string): Promise<{ plans: Plan[]; messages: Message[] }> {
  const parsed = process.env.PLANBOOK_PARSED;
  if (!parsed) return loadPlans(dir);
  return { plans: JSON.parse(await readFile(parsed, 'utf8')) as Plan[], messages: [] };
}

/** The content directory: `PLANBOOK_CONTENT` or `content/plans`. */
export function contentDir(): string {
  return process.env.PLANBOOK_CONTENT ?? 'content/plans';
}
