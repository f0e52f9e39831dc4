/** `/pdf/units/<slug>.pdf`: every task one unit is named in, across plans (`templates/checklists/unit.yml`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pdfResponse, unitPdf } from '../../../pdf/index.ts';
import { getModel } from '../../../site/data.ts';
import { getTemplates } from '../../../site/templates.ts';
import { unitsWithTasks } from '../../../derive/units.ts';

export const getStaticPaths = (async () => {
  const { units } = await getModel();
  return unitsWithTasks(units).map((u) => ({ params: { slug: u.slug }, props: { name: u.name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { name } = props as { name: string };
  return pdfResponse(await unitPdf(name, (await getModel()).plans, (await getTemplates()).checklists.get('unit')!));
};
