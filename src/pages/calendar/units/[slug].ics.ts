/** `/calendar/units/<slug>.ics`: one unit's stated deadlines across plans. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { icsResponse, unitCalendar } from '../../../calendar/feeds.ts';
import { getModel } from '../../../site/data.ts';
import { publicUrl, withBase } from '../../../site/urls.ts';
import { unitPaths } from '../../../progress/paths.ts';

export const getStaticPaths = unitPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { name } = props as { name: string };
  return icsResponse(unitCalendar(name, (await getModel()).plans, publicUrl(withBase('/'))));
};
