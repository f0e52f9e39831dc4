import { readFile } from 'node:fs/promises';
import { loadPlans } from '../load/plans.ts';
import type { Message, Plan } from '../model/schema.ts';

/**
 * The plans the pages are built from. The build script runs the content
 * check first and passes the plans it parsed in `PLANBOOK_PARSED` (a JSON
 * file in its scratch folder), so a build parses each plan once; without it
 * (`astro dev`, tests) they are read through `loadPlans` (the only place
 * that touches the Markdown files). Pages never see Markdown.
 */
export async function sitePlans(dir = contentDir()): Promise<{ plans: Plan[]; messages: Message[] }> {
  const parsed = process.env.PLANBOOK_PARSED;
  if (!parsed) return loadPlans(dir);
  return { plans: JSON.parse(await readFile(parsed, 'utf8')) as Plan[], messages: [] };
}

/** The content directory: `PLANBOOK_CONTENT` or `content/plans`. */
export function contentDir(): string {
  return process.env.PLANBOOK_CONTENT ?? 'content/plans';
}
