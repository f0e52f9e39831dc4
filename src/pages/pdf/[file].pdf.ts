/**
 * `/pdf/<id>.pdf` (every task of a plan) and `/pdf/<id>-<year>.pdf` (what the
 * plan has due in each year of its period).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { planPdf, planYears, pdfResponse, yearPdf } from '../../pdf/index.ts';
import { getModel } from '../../site/data.ts';
import { getTemplates } from '../../site/templates.ts';

export const getStaticPaths = (async () => {
  const { plans } = await getModel();
  return plans.flatMap((plan) => [
    { params: { file: plan.id }, props: { id: plan.id, year: null } },
    ...planYears(plan).map((year) => ({ params: { file: `${plan.id}-${year}` }, props: { id: plan.id, year } })),
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { id, year } = props as { id: string; year: number | null };
  const plan = (await getModel()).plan(id)!;
  const { checklists } = await getTemplates();
  return pdfResponse(year === null ? await planPdf(plan, checklists.get('plan')!) : await yearPdf(plan, year, checklists.get('year')!));
};
