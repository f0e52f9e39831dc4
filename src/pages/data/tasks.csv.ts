import type { APIRoute } from 'astro';
import { getModel } from '../../site/data.ts';
import { toTasksCsv } from '../../export/index.ts';
import { exportOptions, getTemplates } from '../../site/templates.ts';

/** /data/tasks.csv: one row per task. */
export const GET: APIRoute = async () => {
  const { plans } = await getModel();
  return new Response(toTasksCsv(plans, exportOptions(await getTemplates())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
