/** /search/substring.json: the exact-substring index the search page merges with Pagefind. */
import type { APIRoute } from 'astro';
import { getModel } from '../../site/data.ts';
import { buildSubstringIndex } from '../../search/substring.ts';

export const GET: APIRoute = async () => {
  const { plans } = await getModel();
  return new Response(JSON.stringify(buildSubstringIndex(plans)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
