// The baseline for `npm run bench -- paired`: a bare Astro site that renders
// the same pages as planbook from the same parsed plans, with one plain
// layout and no client JS. Built by bench/paired.bench.ts, never shipped.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Caches go where the bench says (its scratch folder), never into node_modules/.
  cacheDir: process.env.BARE_CACHE ?? '../out/bare-cache/astro',
  vite: { cacheDir: process.env.BARE_CACHE ? `${process.env.BARE_CACHE}/vite` : '../out/bare-cache/vite' },
});
