import type { APIRoute } from 'astro';
import { getComparison } from '../compare/_data.ts';
import { comparisonJson } from '../../align/export.ts';

/** /data/comparison.json: the topic rows of the comparison (see src/align). */
export const GET: APIRoute = async () => {
  const { alignment } = await getComparison();
  return new Response(comparisonJson(alignment), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
