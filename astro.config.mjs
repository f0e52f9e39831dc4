// @ts-check
import { defineConfig } from 'astro/config';
import { siteSettings } from './src/site/settings.ts';

// The site is fully static: every page, data file and PDF is written at build
// time. `PLANBOOK_OUT` lets the build script (and the benchmark) write into a
// temporary directory that is moved into place only when every step passed.
// `PLANBOOK_CACHE` gives a build its own cache (the content data store lives
// there), so builds of different content can run side by side. Caches live in
// the git-ignored `.cache/`, never in node_modules.
//
// `site` and `base` come from `templates/site.yml` (PLANBOOK_SITE and
// PLANBOOK_BASE override them): without a public URL no canonical links are
// written; every internal link, asset and data file honours the base path.
const settings = siteSettings(import.meta.dirname);

export default defineConfig({
  ...(settings.url ? { site: settings.url } : {}),
  base: settings.base,
  output: 'static',
  outDir: process.env.PLANBOOK_OUT ?? './dist',
  cacheDir: process.env.PLANBOOK_CACHE ?? './.cache/astro',
  trailingSlash: 'always',
  // Pages are rendered eight at a time, so one page's file write overlaps the
  // next page's render (one at a time, the render loop waits on the disk).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  vite: { cacheDir: process.env.PLANBOOK_CACHE ? `${process.env.PLANBOOK_CACHE}/vite` : './.cache/vite' },
});
