/**
 * The bare baseline's data: the same plans parsed by the same parser, and
 * the list of pages to render (`BARE_PAGES`, one dist-relative path per line,
 * taken from the planbook build it is compared with), so both sites have the
 * same pages.
 */
import { readFileSync } from 'node:fs';
import { loadPlans } from '../../../src/load/plans.ts';
import { unitSlug } from '../../../src/derive/units.ts';
import type { Plan, Task } from '../../../src/model/schema.ts';

export interface BareData {
  plans: Map<string, Plan>;
  units: Map<string, Task[]>;
  years: Map<string, Task[]>;
}

let data: Promise<BareData> | undefined;

export function bareData(): Promise<BareData> {
  data ??= (async () => {
    const { plans } = await loadPlans(process.env.BARE_CONTENT!);
    const units = new Map<string, Task[]>();
    const years = new Map<string, Task[]>();
    for (const task of plans.flatMap((p) => p.tasks)) {
      for (const unit of new Set(task.units.map((u) => unitSlug(u.name)))) units.set(unit, [...(units.get(unit) ?? []), task]);
      years.set(String(task.deadlineYear), [...(years.get(String(task.deadlineYear)) ?? []), task]);
    }
    return { plans: new Map(plans.map((p) => [p.id, p])), units, years };
  })();
  return data;
}

/** The pages planbook built, as Astro `[...path]` params. */
export function barePages(): string[] {
  return readFileSync(process.env.BARE_PAGES!, 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('index.html'))
    .map((line) => line.replace(/\/?index\.html$/, ''));
}
