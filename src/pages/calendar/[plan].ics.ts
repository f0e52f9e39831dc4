/** `/calendar/<plan>.ics`: the plan's stated deadlines as an iCalendar feed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { icsResponse, planCalendar } from '../../calendar/feeds.ts';
import { getModel } from '../../site/data.ts';
import { publicUrl, withBase } from '../../site/urls.ts';

export const getStaticPaths = (async () => {
  const { plans } = await getModel();
  return plans.map((p) => ({ params: { plan: p.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { plans, plan } = await getModel();
  return icsResponse(planCalendar(plan(params.plan!)!, plans, publicUrl(withBase('/'))));
};
