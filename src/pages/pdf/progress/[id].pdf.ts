/** `/pdf/progress/<id>.pdf`: the 进展情况表 of each plan with progress records (`templates/checklists/progress.yml`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { pdfResponse, planProgressPdf } from '../../../pdf/index.ts';
import { getModel } from '../../../site/data.ts';
import { getTemplates } from '../../../site/templates.ts';
import { getProgress } from '../../../progress/site.ts';
import { statusOf } from '../../../progress/view.ts';

export const getStaticPaths = (async () => {
  const progress = await getProgress();
  return progress.plans.map((p) => ({ params: { id: p.plan.id }, props: { id: p.plan.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { id } = props as { id: string };
  const plan = (await getModel()).plan(id)!;
  const bytes = await planProgressPdf(plan, statusOf(await getProgress()), (await getTemplates()).checklists.get('progress')!);
  return pdfResponse(bytes!);
};
