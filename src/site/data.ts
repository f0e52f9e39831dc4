import { getCollection } from 'astro:content';
import type { Plan } from '../model/schema.ts';
import { siteModel, type SiteModel } from './model.ts';

export { createModel, unitGroupsPath, type SiteModel } from './model.ts';

let model: Promise<SiteModel> | undefined;

/** The site model, memoised: every page and endpoint of one build shares it. */
export function getModel(): Promise<SiteModel> {
  model ??= buildModel();
  return model;
}

async function buildModel(): Promise<SiteModel> {
  const entries = await getCollection('plans');
  return siteModel(entries.map((e) => e.data as Plan));
}
