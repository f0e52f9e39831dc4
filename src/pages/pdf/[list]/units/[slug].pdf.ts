/** `/pdf/<list>/units/<slug>.pdf`: a unit's tasks by a checklist template an office added with `kind: unit` (or its 进展情况表 by one with `kind: progress`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pdfResponse, unitPdf, unitProgressPdf } from '../../../../pdf/index.ts';
import { getProgress, unitsWithProgress } from '../../../../progress/site.ts';
import { statusOf } from '../../../../progress/view.ts';
import { getModel } from '../../../../site/data.ts';
import { addedChecklists, getTemplates } from '../../../../site/templates.ts';

export const getStaticPaths = (async () => {
  const { units } = await getModel();
  const withProgress = await unitsWithProgress();
  return addedChecklists(await getTemplates())
    .filter(([, t]) => t.kind === 'unit' || t.kind === 'progress')
    .flatMap(([list, t]) => (t.kind === 'progress' ? withProgress : units.units.filter((u) => u.tasks.length > 0)).map((u) => ({ params: { list, slug: u.slug }, props: { list, name: u.name } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { list, name } = props as { list: string; name: string };
  const template = (await getTemplates()).checklists.get(list)!;
  const { plans } = await getModel();
  if (template.kind === 'progress') return pdfResponse((await unitProgressPdf(name, plans, statusOf(await getProgress()), template))!);
  return pdfResponse(await unitPdf(name, plans, template));
};
