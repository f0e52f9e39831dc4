/**
 * The alignment of one build, computed once and beside Astro: a worker
 * thread (./align-worker.ts) aligns the plans the content check parsed while
 * Astro bundles the site. The build hands the promise to the compare and
 * task pages (src/site/handoff.ts) and to the files step (comparison.json),
 * so the pages never align the plans in Astro's render loop. The worker is
 * ended on every way out, signals included.
 */
import { Worker } from 'node:worker_threads';
import type { Alignment } from '../align/types.ts';
import { onCleanup } from './scratch.ts';

export function startAlignment(parsed: string): Promise<Alignment> {
  const worker = new Worker(new URL('./align-worker.ts', import.meta.url), { workerData: { parsed } });
  onCleanup(() => void worker.terminate());
  const alignment = new Promise<Alignment>((resolve, reject) => {
    const fail = (cause: Error) => reject(new Error('对照各方案任务（对齐）失败', { cause }));
    worker.once('message', (message: { alignment?: Alignment; error?: string }) => {
      if (message.alignment) resolve(message.alignment);
      else fail(new Error(message.error ?? '没有结果'));
      void worker.terminate();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`工作线程意外退出（退出码 ${code}）`)));
  });
  // Nobody may ask (a build that failed before): a failure is reported where it is awaited.
  alignment.catch(() => {});
  return alignment;
}
