/** `/pdf/progress/units/<slug>.pdf`: a unit's 进展情况表, its tasks in the plans with progress records. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pdfResponse, unitProgressPdf } from '../../../../pdf/index.ts';
import { getModel } from '../../../../site/data.ts';
import { getTemplates } from '../../../../site/templates.ts';
import { getProgress, unitsWithProgress } from '../../../../progress/site.ts';
import { statusOf } from '../../../../progress/view.ts';

export const getStaticPaths = (async () => (await unitsWithProgress()).map((u) => ({ params: { slug: u.slug }, props: { name: u.name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { name } = props as { name: string };
  const lookup = statusOf(await getProgress());
  const bytes = await unitProgressPdf(name, (await getModel()).plans, lookup, (await getTemplates()).checklists.get('progress')!);
  return pdfResponse(bytes!);
};
