import type { APIRoute } from 'astro';
import { getModel } from '../../site/data.ts';
import { stringifyPlansJson } from '../../export/index.ts';

/** /data/plans.json: every plan, action and task (see src/export). */
export const GET: APIRoute = async () => {
  const { plans } = await getModel();
  return new Response(stringifyPlansJson(plans), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
