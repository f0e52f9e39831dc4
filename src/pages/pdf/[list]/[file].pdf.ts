/**
 * `/pdf/<list>/<id>.pdf` or `/pdf/<list>/<id>-<year>.pdf`: the task lists of
 * a checklist template an office added (`templates/checklists/<list>.yml`
 * with `kind: plan` or `kind: year`), or `/pdf/<list>/<id>.pdf` of a
 * `kind: progress` list for each plan with progress records.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { planPdf, planProgressPdf, pdfResponse, planYears, yearPdf } from '../../../pdf/index.ts';
import { getProgress } from '../../../progress/site.ts';
import { statusOf } from '../../../progress/view.ts';
import { getModel } from '../../../site/data.ts';
import { addedChecklists, getTemplates } from '../../../site/templates.ts';

export const getStaticPaths = (async () => {
  const { plans } = await getModel();
  const progress = await getProgress();
  return addedChecklists(await getTemplates()).flatMap(([list, template]): Array<{ params: { list: string; file: string }; props: { list: string; id: string; year: number | null } }> => {
    if (template.kind === 'plan') return plans.map((p) => ({ params: { list, file: p.id }, props: { list, id: p.id, year: null } }));
    if (template.kind === 'progress') return progress.plans.map(({ plan: p }) => ({ params: { list, file: p.id }, props: { list, id: p.id, year: null } }));
    if (template.kind === 'year') {
      return plans.flatMap((p) => planYears(p).map((year) => ({ params: { list, file: `${p.id}-${year}` }, props: { list, id: p.id, year } })));
    }
    return [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { list, id, year } = props as { list: string; id: string; year: number | null };
  const plan = (await getModel()).plan(id)!;
  const template = (await getTemplates()).checklists.get(list)!;
  if (template.kind === 'progress') return pdfResponse((await planProgressPdf(plan, statusOf(await getProgress()), template))!);
  return pdfResponse(year === null ? await planPdf(plan, template) : await yearPdf(plan, year, template));
};
