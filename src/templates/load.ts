/**
 * `loadTemplates(root)`: reads `templates/site.yml`, `templates/exports.yml`
 * and every `templates/checklists/*.yml`, each against its schema. The
 * project gate (`checkProject`) reports the messages; the build and the CLI
 * use the templates it returns (null when any file has an error).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Message } from '../model/schema.ts';
import { checkCharacters } from '../check/characters.ts';
import { RULES } from '../check/rules.ts';
import { readTemplate } from './read.ts';
import {
  ChecklistTemplateSchema,
  ExportsTemplateSchema,
  SiteTemplateSchema,
  type ChecklistTemplate,
  type Templates,
} from './schema.ts';

export interface LoadedTemplates {
  templates: Templates | null;
  messages: Message[];
  /** How many template files were read. */
  files: number;
}

/** The templates folder: `PLANBOOK_TEMPLATES`, or `templates/` of the project. */
export const templatesDir = (root: string) => resolve(root, process.env.PLANBOOK_TEMPLATES ?? 'templates');

const HINTS = {
  site: '按 README“模板”一节改正 templates/site.yml：name 站点名称，url 公开网址或 null，base 子路径如 /anquan/。',
  exports: '按 README“模板”一节改正 templates/exports.yml：columns 下每项写 column（列名）和可选的 header、width。',
  checklist: '按 README“模板”一节改正该清单模板：kind、title、paper、header、columns（content、label、width、text）、footer。',
};

export async function loadTemplates(root: string, dir = templatesDir(root)): Promise<LoadedTemplates> {
  const messages: Message[] = [];
  const shown = (path: string) => relative(root, path) || path;
  let files = 0;
  const read = async <T>(path: string, parse: (text: string, file: string) => { value: T | null; messages: Message[] }, printed = false) => {
    files += 1;
    const file = shown(path);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      messages.push({ file, line: 1, column: 1, severity: 'error', rule: 'template-missing', message: '模板文件不存在或无法读取', hint: RULES['template-missing'].hint });
      return null;
    }
    const result = parse(text, file);
    // A checklist prints its title, labels and lines: every character must be in the PDF font.
    const characters = printed ? await checkCharacters(text, file) : [];
    messages.push(...result.messages, ...characters);
    return characters.length > 0 ? null : result.value;
  };
  const site = await read(join(dir, 'site.yml'), (t, f) => readTemplate(t, f, SiteTemplateSchema, HINTS.site));
  const exports = await read(join(dir, 'exports.yml'), (t, f) => readTemplate(t, f, ExportsTemplateSchema, HINTS.exports));
  const checklists = new Map<string, ChecklistTemplate>();
  const listDir = join(dir, 'checklists');
  const names = existsSync(listDir) ? (await readdir(listDir)).filter((n) => n.endsWith('.yml')).sort() : [];
  for (const kind of ['plan', 'year', 'unit', 'progress']) {
    if (!names.includes(`${kind}.yml`)) names.push(`${kind}.yml`); // reported as missing below
  }
  for (const name of names) {
    const stem = name.slice(0, -'.yml'.length);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(stem) || stem === 'units') {
      messages.push({ file: shown(join(listDir, name)), line: 1, column: 1, severity: 'error', rule: 'template-invalid',
        message: `清单模板的文件名“${name}”不能用作网址`, hint: '文件名只用小写字母、数字和连字符（不能是 units），如 quarterly.yml；PDF 在 /pdf/<文件名>/ 下。' });
      continue;
    }
    const value = await read(join(listDir, name), (t, f) => readTemplate(t, f, ChecklistTemplateSchema, HINTS.checklist), true);
    if (value) checklists.set(name.slice(0, -'.yml'.length), value);
  }
  for (const kind of ['plan', 'year', 'unit', 'progress'] as const) {
    const t = checklists.get(kind);
    if (t && t.kind !== kind) {
      messages.push({ file: shown(join(listDir, `${kind}.yml`)), line: 1, column: 1, severity: 'error', rule: 'template-invalid',
        message: `${kind}.yml 是站点上“${kind}”清单的模板，kind 应为 ${kind}`, hint: '改正 kind，或把这个模板另存为新文件名。' });
    }
  }
  const ok = messages.every((m) => m.severity !== 'error') && site && exports;
  return { templates: ok ? { site, exports, checklists } : null, messages, files };
}
