/** `/progress/units/<slug>.xlsx`: one unit's empty 进展填报表, its tasks across plans, 填报单位 filled in. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formTasks } from '../../../progress/forms.ts';
import { toProgressXlsx } from '../../../progress/xlsx.ts';
import { getModel } from '../../../site/data.ts';
import { unitPaths } from '../../../progress/paths.ts';
import { xlsxResponse } from '../[plan]/form.xlsx.ts';

export const getStaticPaths = unitPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { name } = props as { name: string };
  const form = formTasks((await getModel()).plans, { unit: name });
  return xlsxResponse(await toProgressXlsx(form.tasks, { title: form.title, unit: name }));
};
