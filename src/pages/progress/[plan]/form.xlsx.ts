/** `/progress/<plan>/form.xlsx`: the plan's empty 进展填报表 (status drop-down), for `planbook progress import`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formTasks } from '../../../progress/forms.ts';
import { toProgressXlsx } from '../../../progress/xlsx.ts';
import { getModel } from '../../../site/data.ts';

export const getStaticPaths = (async () => (await getModel()).plans.map((p) => ({ params: { plan: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const form = formTasks((await getModel()).plans, { plan: params.plan! });
  return xlsxResponse(await toProgressXlsx(form.tasks, { title: form.title }));
};

export function xlsxResponse(bytes: Uint8Array): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
}
