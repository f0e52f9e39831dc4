import { defineCollection } from 'astro:content';
import { planLoader, contentDir } from './site/loader.ts';

// One collection: the parsed plans. The loader hands Astro the finished model
// (see src/model/schema.ts); pages read it through src/site/data.ts.
export const collections = {
  plans: defineCollection({ loader: planLoader(contentDir()) }),
};
