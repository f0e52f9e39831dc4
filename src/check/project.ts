/**
 * `checkProject(files)`: the one gate. `planbook check` and `npm run build`
 * both run it, over every content file: the plans, `units.yml` and
 * `alignment.yml`. Whatever it passes, the build builds; everything it finds
 * is a positioned message, never an exception.
 *
 * Per plan file: the parser's messages, then characters the PDFs cannot
 * print (control characters, glyphs the font lacks). Across plans: duplicate
 * ids, ids colliding with another plan's addresses, periods out of range.
 * Then the unit groups, the alignment curation and the progress records
 * (against the plans), and the templates (`templates/`: site, exports,
 * checklists).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { checkCuration } from '../align/check.ts';
import { parseUnitGroups } from '../derive/unit-groups.ts';
import { duplicateIds } from '../load/plans.ts';
import type { Message, Plan } from '../model/schema.ts';
import { parsePlan } from '../parse/index.ts';
import { checkProgressFile } from '../progress/check.ts';
import { checkCharacters } from './characters.ts';
import { checkFrontMatterYaml } from './front-matter.ts';
import { checkPlans, type SourcedPlan } from './plans.ts';
import { RULES } from './rules.ts';
import { loadTemplates } from '../templates/load.ts';
import type { Templates } from '../templates/schema.ts';

export interface ProjectFiles {
  /** Paths in messages are relative to this folder (the project root). */
  root: string;
  /** Plan Markdown files. */
  plans: string[];
  /** `units.yml`; skipped when absent or missing on disk. */
  units?: string | undefined;
  /** `alignment.yml`; skipped when absent or missing on disk. */
  alignment?: string | undefined;
  /** The `templates/` folder; skipped when absent or missing on disk. */
  templates?: string | undefined;
  /** `content/progress/<plan>.yml` files, checked against the plans. */
  progress?: string[] | undefined;
}

export interface ProjectCheck {
  messages: Message[];
  /** The plans that parsed, in the order given. */
  plans: Plan[];
  /** How many files were checked. */
  files: number;
  /** The templates, when a folder was given and every template is valid. */
  templates: Templates | null;
}

export async function checkProject(files: ProjectFiles): Promise<ProjectCheck> {
  const shown = (path: string) => relative(files.root, resolve(files.root, path)) || path;
  const messages: Message[] = [];
  const sourced: SourcedPlan[] = [];
  for (const path of files.plans) {
    const file = shown(path);
    const markdown = await readText(resolve(files.root, path), file, messages);
    if (markdown === null) continue;
    const characters = await checkCharacters(markdown, file);
    const yaml = checkFrontMatterYaml(markdown, file);
    if (yaml.length > 0) {
      messages.push(...yaml, ...characters);
      continue;
    }
    const result = parsePlan(markdown, file);
    messages.push(...result.messages, ...characters);
    if (result.plan) sourced.push({ plan: result.plan, markdown });
  }
  const plans = sourced.map((s) => s.plan);
  messages.push(...duplicateIds(plans), ...checkPlans(sourced));
  let count = files.plans.length;
  const units = present(files.root, files.units);
  if (units) {
    count += 1;
    const text = await readText(resolve(files.root, units), shown(units), messages);
    if (text !== null) messages.push(...parseUnitGroups(text, shown(units)).messages);
  }
  const alignment = present(files.root, files.alignment);
  if (alignment) {
    count += 1;
    const text = await readText(resolve(files.root, alignment), shown(alignment), messages);
    if (text !== null) messages.push(...checkCuration(text, shown(alignment), plans));
  }
  for (const path of files.progress ?? []) {
    count += 1;
    const text = await readText(resolve(files.root, path), shown(path), messages);
    if (text !== null) messages.push(...checkProgressFile(text, shown(path), plans));
  }
  let templates: Templates | null = null;
  const folder = present(files.root, files.templates);
  if (folder) {
    const loaded = await loadTemplates(files.root, resolve(files.root, folder));
    count += loaded.files;
    messages.push(...loaded.messages);
    templates = loaded.templates;
  }
  return { messages: dedupe(messages), plans, files: count, templates };
}

function present(root: string, path: string | undefined): string | undefined {
  return path && existsSync(resolve(root, path)) ? path : undefined;
}

/** The file as UTF-8 text, or null with a `file-unreadable` message. */
async function readText(path: string, file: string, messages: Message[]): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是文件' : `无法读取文件（${code ?? '未知原因'}）`;
    messages.push({ file, line: 1, column: 1, severity: 'error', rule: 'file-unreadable', message: reason, hint: RULES['file-unreadable'].hint });
    return null;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !bytes.includes(Buffer.from('\uFFFD'))) {
    const before = text.slice(0, bad).split('\n');
    messages.push({ file, line: before.length, column: [...before.at(-1)!].length + 1, severity: 'error', rule: 'file-unreadable',
      message: '文件不是有效的 UTF-8 文本', hint: '用 planbook import 重新导入原文，或把文件另存为 UTF-8 编码。' });
    return null;
  }
  return text;
}

/** The same message twice (a file given twice on the command line) is shown once. */
function dedupe(messages: Message[]): Message[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const key = `${m.file}\u0000${m.line}\u0000${m.column}\u0000${m.rule}\u0000${m.message}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}
