/** The public shape of /data/comparison.json: exactly { groups: [{ id, title, tasks, scores }] }. */
import type { Alignment } from './types.ts';

export function comparisonJson(alignment: Alignment): string {
  const groups = alignment.groups.map(({ id, title, tasks, scores }) => ({ id, title, tasks, scores }));
  return `${JSON.stringify({ groups }, null, 1)}\n`;
}
