/** /search/substring.json: the exact-substring index the search page merges with Pagefind. */
import type { APIRoute } from 'astro';
import { getModel } from '../../site/data.ts';
import { buildSubstringIndex } from '../../search/substring.ts';
import { getProgress } from '../../progress/site.ts';

export const GET: APIRoute = async () => {
  const { plans } = await getModel();
  const progress = await getProgress();
  return new Response(JSON.stringify(buildSubstringIndex(plans, (task) => progress.task(task.id)?.item.shown)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
