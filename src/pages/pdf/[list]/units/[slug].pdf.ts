/** `/pdf/<list>/units/<slug>.pdf`: a unit's tasks by a checklist template an office added with `kind: unit`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pdfResponse, unitPdf } from '../../../../pdf/index.ts';
import { getModel } from '../../../../site/data.ts';
import { addedChecklists, getTemplates } from '../../../../site/templates.ts';

export const getStaticPaths = (async () => {
  const { units } = await getModel();
  return addedChecklists(await getTemplates())
    .filter(([, t]) => t.kind === 'unit')
    .flatMap(([list]) => units.units.filter((u) => u.tasks.length > 0).map((u) => ({ params: { list, slug: u.slug }, props: { list, name: u.name } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { list, name } = props as { list: string; name: string };
  return pdfResponse(await unitPdf(name, (await getModel()).plans, (await getTemplates()).checklists.get(list)!));
};
