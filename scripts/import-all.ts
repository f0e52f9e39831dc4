/**
 * Re-imports the five raw plan texts from ../shared/plans-raw into
 * content/plans/<id>.md and prints every message (file:line:col).
 *
 *   node scripts/import-all.ts [rawDir] [outDir]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importPlan } from '../src/import/index.ts';

const ids = ['yueyang', 'miaohang', 'changning', 'xiangxiang', 'puxinglu'];
const rawDir = resolve(process.argv[2] ?? '../shared/plans-raw');
const outDir = resolve(process.argv[3] ?? 'content/plans');
mkdirSync(outDir, { recursive: true });
let failed = false;
for (const id of ids) {
  const path = join(rawDir, `${id}.txt`);
  const result = importPlan(readFileSync(path), { id, path });
  for (const m of result.messages) console.log(`${m.file}:${m.line}:${m.column}: ${m.severity} ${m.rule}: ${m.message}（${m.hint}）`);
  if (result.markdown === null) {
    failed = true;
    console.log(`${id}: 未生成`);
    continue;
  }
  const tasks = result.markdown.match(/^\d+\. /gm)?.length ?? 0;
  writeFileSync(join(outDir, `${id}.md`), result.markdown);
  console.log(`${id}: ${tasks} 项任务 → ${join(outDir, `${id}.md`)}`);
}
process.exitCode = failed ? 1 : 0;
