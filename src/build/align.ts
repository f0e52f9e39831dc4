/**
 * The alignment of one build, computed once and beside Astro: a worker
 * thread (./align-worker.ts) aligns the plans the content check parsed while
 * Astro bundles the site. The build hands the promise to the compare and
 * task pages (src/site/handoff.ts) and to the files step (comparison.json),
 * so the pages never align the plans in Astro's render loop. The worker then
 * cuts every task text into words for the compare pages' diffs (`cuts`, a
 * head start only: a page whose texts are not there yet cuts them itself).
 * The worker is ended on every way out, signals included.
 */
import { Worker } from 'node:worker_threads';
import type { DisplayCuts } from '../align/tokens.ts';
import type { Alignment } from '../align/types.ts';
import type { HandedAlignment } from '../site/handoff.ts';
import { onCleanup } from './scratch.ts';

type Message = { alignment?: Alignment; cuts?: DisplayCuts; error?: string };

export function startAlignment(parsed: string): HandedAlignment {
  const worker = new Worker(new URL('./align-worker.ts', import.meta.url), { workerData: { parsed } });
  onCleanup(() => void worker.terminate());
  let aligned!: (alignment: Alignment) => void;
  let cut!: (cuts: DisplayCuts) => void;
  let failAlignment!: (error: Error) => void;
  let failCuts!: (error: Error) => void;
  const alignment = new Promise<Alignment>((resolve, reject) => ((aligned = resolve), (failAlignment = reject)));
  const cuts = new Promise<DisplayCuts>((resolve, reject) => ((cut = resolve), (failCuts = reject)));
  // Whatever comes first settles what is still open; a settled promise ignores the rest.
  const fail = (cause: Error) => {
    failAlignment(new Error('对照各方案任务（对齐）失败', { cause }));
    failCuts(new Error('任务文字分词失败', { cause }));
    void worker.terminate();
  };
  worker.on('message', (message: Message) => {
    if (message.alignment) aligned(message.alignment);
    else if (message.cuts) {
      cut(message.cuts);
      void worker.terminate();
    } else fail(new Error(message.error ?? '没有结果'));
  });
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`工作线程意外退出（退出码 ${code}）`)));
  // Nobody may ask (a build that failed before): a failure is reported where it is awaited.
  alignment.catch(() => {});
  cuts.catch(() => {});
  return { alignment, cuts };
}
