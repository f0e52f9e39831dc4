// @ts-check
import { defineConfig } from 'astro/config';

// The site is fully static: every page, data file and PDF is written at build
// time. `PLANBOOK_OUT` lets the build script (and the benchmark) write into a
// temporary directory that is moved into place only when every step passed.
// `PLANBOOK_CACHE` gives a build its own cache (the content data store lives
// there), so builds of different content can run side by side. Caches live in
// the git-ignored `.cache/`, never in node_modules.
export default defineConfig({
  site: process.env.PLANBOOK_SITE ?? 'https://planbook.example.org',
  base: '/',
  output: 'static',
  outDir: process.env.PLANBOOK_OUT ?? './dist',
  cacheDir: process.env.PLANBOOK_CACHE ?? './.cache/astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: { cacheDir: process.env.PLANBOOK_CACHE ? `${process.env.PLANBOOK_CACHE}/vite` : './.cache/vite' },
});
