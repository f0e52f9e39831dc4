/**
 * Task numbers that restart in each action.
 *
 * ```markdown
 * ### （一）房屋市政工程安全整治
 * 1. …  2. …  3. …
 * ### （二）城市运行安全整治
 * 1. …  2. …
 * ```
 * → tasks 1–5 in document order (their page addresses and ids), labelled
 * `（一）1` … `（二）2` as the document numbers them. Only a plan in which
 * every action's tasks run 1, 2, 3… is read this way; any other repeat stays
 * a duplicate number for the numbering check.
 */
import type { Structure } from './draft.ts';

export function renumberRestarts(out: Structure): void {
  const { tasks } = out;
  const runs: number[][] = [];
  tasks.forEach((task, i) => {
    if (i === 0 || (task.number === 1 && task.action !== tasks[i - 1]!.action)) runs.push([]);
    runs.at(-1)!.push(task.number);
  });
  if (runs.length < 2 || !runs.every((run) => run.every((n, k) => n === k + 1))) return;
  const ordinal = (index: number | null) => {
    const action = index === null ? undefined : out.actions[index - 1];
    return action ? action.ordinal || `${action.title}·` : '';
  };
  const renumbered = new Map<number, number[]>();
  tasks.forEach((task, i) => {
    task.label = `${ordinal(task.action)}${task.number}`;
    task.number = i + 1;
    if (task.action !== null) renumbered.set(task.action, [...(renumbered.get(task.action) ?? []), task.number]);
  });
  for (const action of out.actions) action.tasks = renumbered.get(action.index) ?? [];
  let next = 0;
  for (const block of [...out.cover, ...out.body]) if (block.kind === 'task') block.number = tasks[next++]!.number;
  out.restarts = true;
}
