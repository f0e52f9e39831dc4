import type { APIRoute } from 'astro';
import { getModel } from '../../site/data.ts';
import { toTasksCsv } from '../../export/index.ts';
import { exportOptions, getTemplates } from '../../site/templates.ts';
import { getProgress } from '../../progress/site.ts';
import { statusOf } from '../../progress/view.ts';

/** /data/tasks.csv: one row per task. */
export const GET: APIRoute = async () => {
  const { plans } = await getModel();
  return new Response(toTasksCsv(plans, { ...exportOptions(await getTemplates()), status: statusOf(await getProgress()) }), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
