/**
 * The site settings (`templates/site.yml`) for the Astro config, the pages
 * and the exports, with two environment overrides for one-off builds:
 * `PLANBOOK_SITE` (the public URL) and `PLANBOOK_BASE` (the sub-path). The
 * build's project check has already reported any problem with positions;
 * here a bad file is an exception.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatMessage } from '../check/format.ts';
import { templatesDir } from '../templates/load.ts';
import { readTemplate } from '../templates/read.ts';
import { SiteTemplateSchema, type SiteTemplate } from '../templates/schema.ts';

const read = new Map<string, SiteTemplate>();
// The file's version, looked up at most once a second: a build asks on every page and for every public link.
const versions = new Map<string, { at: number; version: string }>();
const RECHECK_MS = 1000;

/** Every page asks: read once per file version and environment, not once per page. */
export function siteSettings(root = process.cwd()): SiteTemplate {
  const path = join(templatesDir(root), 'site.yml');
  const now = Date.now();
  let seen = versions.get(path);
  if (!seen || now - seen.at > RECHECK_MS) {
    const info = statSync(path, { throwIfNoEntry: false });
    versions.set(path, (seen = { at: now, version: `${info?.mtimeMs}:${info?.size}` }));
  }
  const key = [path, seen.version, process.env.PLANBOOK_SITE, process.env.PLANBOOK_BASE].join('\u0000');
  let settings = read.get(key);
  if (!settings) read.set(key, (settings = readSettings(root, path)));
  return settings;
}

function readSettings(root: string, path: string): SiteTemplate {
  const file = relative(root, path) || path;
  const { value, messages } = readTemplate(readFileSync(path, 'utf8'), file, SiteTemplateSchema, '按 README“模板”一节改正。');
  if (!value) throw new Error(messages.map(formatMessage).join('\n'));
  const env = { url: process.env.PLANBOOK_SITE || undefined, base: process.env.PLANBOOK_BASE || undefined };
  const merged = SiteTemplateSchema.safeParse({ ...value, ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) });
  if (!merged.success) {
    throw new Error(`环境变量 PLANBOOK_SITE 或 PLANBOOK_BASE 的取值有误：${merged.error.issues.map((i) => i.message).join('；')}`);
  }
  return merged.data;
}
