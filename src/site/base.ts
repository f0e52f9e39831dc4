/**
 * The base path the site is served under (`templates/site.yml` → Astro's
 * `base`): `/` or `/anquan/`. Every internal URL goes through `withBase`, in
 * pages and in the search page's script alike (Vite sets BASE_URL in both).
 */
const configured: string | undefined = import.meta.env?.BASE_URL;
export const BASE = `${(configured ?? '/').replace(/\/+$/, '')}/`;

/** `/plans/a/` → `/anquan/plans/a/`; `#x` and `?q` stay as they are. */
export function withBase(path: string): string {
  if (!path.startsWith('/')) return path;
  return BASE + path.slice(1);
}

/** The page's path without the base, for matching: `/anquan/units/x/` → `/units/x/`. */
export function withoutBase(path: string): string {
  return path.startsWith(BASE) ? `/${path.slice(BASE.length)}` : path;
}
