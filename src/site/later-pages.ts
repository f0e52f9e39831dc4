/** Routes of the pages after the first of a listing of every plan (the first page is a route of its own: /, /compare/plans/, /data/). */
import type { GetStaticPaths } from 'astro';
import { getModel } from './data.ts';

export const laterPlanPages = (pageSize: number) =>
  (async ({ paginate }) => paginate((await getModel()).plans, { pageSize }).slice(1)) satisfies GetStaticPaths;
