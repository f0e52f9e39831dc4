import type { APIRoute } from 'astro';
import { getModel } from '../../site/data.ts';
import { toTasksXlsx } from '../../export/index.ts';

/** /data/tasks.xlsx: the task list as a workbook. */
export const GET: APIRoute = async () => {
  const { plans } = await getModel();
  const bytes = await toTasksXlsx(plans);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
