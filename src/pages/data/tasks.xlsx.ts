import type { APIRoute } from 'astro';
import { getModel } from '../../site/data.ts';
import { toTasksXlsx } from '../../export/index.ts';
import { exportOptions, getTemplates } from '../../site/templates.ts';
import { getProgress } from '../../progress/site.ts';
import { statusOf } from '../../progress/view.ts';

/** /data/tasks.xlsx: the task list as a workbook. */
export const GET: APIRoute = async () => {
  const { plans } = await getModel();
  const bytes = await toTasksXlsx(plans, { ...exportOptions(await getTemplates()), status: statusOf(await getProgress()) });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
