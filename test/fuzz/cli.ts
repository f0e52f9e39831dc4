/**
 * `node test/fuzz/cli.ts [count] [first-seed]`: run `count` plan mutants and
 * `count` import mutants (default 1,000 each) and print every failure with
 * its seed, so it can be replayed with `fuzzPlan(seed)` / `fuzzImport(seed)`.
 */
import { fuzzImport, fuzzPlan, outcomes, type FuzzFailure } from './run.ts';

const count = Number(process.argv[2] ?? 1000);
const first = Number(process.argv[3] ?? 1);
const failures: FuzzFailure[] = [];
let slowest = { seed: 0, ms: 0, kind: '' };
for (let seed = first; seed < first + count; seed++) {
  for (const [kind, run] of [['plan', fuzzPlan], ['import', fuzzImport]] as const) {
    const start = performance.now();
    failures.push(...(await run(seed)));
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { seed, ms, kind };
  }
}
for (const f of failures) console.log(`seed ${f.seed} ${f.file} mutation ${f.how}: ${f.problem.split('\n').slice(0, 4).join(' | ')}`);
console.log(`方案：${outcomes.planRefused} 个被检查拒绝，${outcomes.planBuilt} 个通过并生成了 PDF 与导出；导入：${outcomes.importRefused} 个被拒绝，${outcomes.importWritten} 个写出`);
console.log(`${count * 2} 个变异样本，${failures.length} 处问题；最慢 ${slowest.kind} seed ${slowest.seed}：${(slowest.ms / 1000).toFixed(1)} s`);
process.exitCode = failures.length > 0 ? 1 : 0;
