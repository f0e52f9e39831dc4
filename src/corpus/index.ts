/**
 * Synthetic corpus: any number of plan files made from the real plans in
 * `content/plans/`, for benchmarks. Each generated plan takes one real plan
 * and changes its place names, id, document number and years (shifted within
 * 2024–2030), its numbering (through the plan, or restarting per action),
 * its tasks (merged, split, dropped, trimmed, borrowed from another plan,
 * sometimes written as a table), deadline months, and how responsible units
 * are written. The same sources, index and seed always give the same file.
 */
import { PLACE_STEMS, placeSuffix, unitPool } from './names.ts';
import { createRandom, planSeed, type Random } from './random.ts';
import { renderBody } from './render.ts';
import { segmentPlan, type ActionSegment, type Segment, type SegmentedPlan, type TaskItem } from './segment.ts';
import { reshapeTasks, type TaskStyle } from './tasks.ts';

export interface SourcePlan {
  id: string;
  markdown: string;
}

export interface CorpusPlan {
  id: string;
  markdown: string;
}

export interface PreparedSource extends SegmentedPlan {
  id: string;
}

export const DEFAULT_SEED = 20240422;

export interface CorpusOptions {
  seed?: number;
  /**
   * Share of plans that number tasks from 1 in every action (default 0). The
   * model keys tasks by plan and number, so the parser reports these plans'
   * repeated numbers as errors: use it to benchmark checking, not building.
   */
  restart?: number;
}

export function prepareSources(sources: readonly SourcePlan[]): PreparedSource[] {
  if (sources.length === 0) throw new Error('the corpus needs at least one source plan');
  return sources.map((source) => ({ id: source.id, ...segmentPlan(source.markdown) }));
}

export function generateCorpus(sources: readonly SourcePlan[], count: number, options: CorpusOptions = {}): CorpusPlan[] {
  const prepared = prepareSources(sources);
  return Array.from({ length: count }, (_, index) => generatePlan(prepared, index, options));
}

/** Plan `index` of the corpus made with these options. */
export function generatePlan(sources: readonly PreparedSource[], index: number, options: CorpusOptions = {}): CorpusPlan {
  const random = createRandom(planSeed(options.seed ?? DEFAULT_SEED, index));
  const source = sources[index % sources.length]!;
  const fm = source.frontMatter as Record<string, never>;
  const oldPlaces: string[] = fm['jurisdiction'];
  const stems = random.sample(PLACE_STEMS, oldPlaces.length);
  const places = oldPlaces.map((place, i) => `${stems[i]![0]}${placeSuffix(place)}`);
  const name = places.at(-1)!;
  const id = `${stems.at(-1)![1]}-${String(index + 1).padStart(4, '0')}`;
  const shift = random.int(0, 4);
  const year = 2024 + shift;
  const docNumber = `${stems.at(-1)![0][0]}${random.pick(['府办', '安委', '府', '安发'])}〔${year}〕${random.int(1, 30)}号`;
  // Borrowed tasks name their own plan's places: those get this plan's places too.
  const others = sources.filter((other) => other !== source).flatMap((other) => placePairs(other, places));
  const rename = renamer([...others, ...placePairs(source, places)], shift);
  const token = '\u0000doc\u0000';
  const text = (value: string) => rename(value.replaceAll(fm['docNumber'] ?? token, token)).replaceAll(token, docNumber);

  const level: string = fm['level'];
  const style: TaskStyle = {
    units: random.pick(['keep', 'keep', 'inline', 'parenthesis', 'none'] as const),
    pool: unitPool(level),
    merge: random.next() * 0.12,
    split: random.next() * 0.12,
    drop: random.next() * 0.08,
    trim: random.next() * 0.15,
    month: random.next() * 0.4,
  };
  const segments = source.segments.map((segment) => reshapeAction(segment, sources, style, random));
  const actions = segments.filter((segment): segment is ActionSegment => segment.kind === 'action');
  const tables = new Map<ActionSegment, string[]>();
  if (random.chance(0.15)) {
    for (const action of random.sample(actions, random.int(1, 2))) {
      tables.set(action, action.items.map(() => random.sample(style.pool, random.int(1, 3)).join('、')));
    }
  }
  const body = renderBody(segments, { restart: random.next() < (options.restart ?? 0), tables, defaultDeadline: `${year + 2}年底前` });
  const frontMatter = [
    '---',
    `id: ${id}`,
    `name: ${scalar(name)}`,
    `title: ${scalar(text(fm['title']))}`,
    `jurisdiction: [${places.map(scalar).join(', ')}]`,
    `level: ${scalar(level)}`,
    `issuer: ${fm['issuer'] === null ? 'null' : scalar(text(fm['issuer']))}`,
    `docNumber: ${fm['docNumber'] === null ? 'null' : scalar(docNumber)}`,
    `issuedOn: ${random.chance(0.8) ? `${year}-${pad(random.int(1, 6))}-${pad(random.int(1, 28))}` : 'null'}`,
    `period: [${year}, ${year + 2}]`,
    '---',
  ].join('\n');
  return { id, markdown: `${frontMatter}\n\n${text(body)}` };
}

function reshapeAction(segment: Segment, sources: readonly PreparedSource[], style: TaskStyle, random: Random): Segment {
  if (segment.kind === 'text') return { kind: 'text', lines: [...segment.lines] };
  const tasks = segment.items.filter((item): item is TaskItem => item.kind === 'task');
  const first = segment.items.findIndex((item) => item.kind === 'task');
  const before = segment.items.slice(0, first === -1 ? segment.items.length : first).filter((item) => item.kind === 'text');
  const after = first === -1 ? [] : segment.items.slice(first).filter((item) => item.kind === 'text');
  if (tasks.length > 0 && random.chance(0.15)) tasks.push(borrowTask(sources, random));
  return { kind: 'action', heading: segment.heading, items: [...before, ...reshapeTasks(tasks, style, random), ...after] };
}

/** A task from any plan, so corpus plans differ in length and content. */
function borrowTask(sources: readonly PreparedSource[], random: Random): TaskItem {
  const actions = random.pick(sources).segments.filter((segment): segment is ActionSegment => segment.kind === 'action');
  const tasks = actions.flatMap((action) => action.items).filter((item): item is TaskItem => item.kind === 'task');
  return tasks.length > 0 ? { kind: 'task', paragraphs: [...random.pick(tasks).paragraphs] } : { kind: 'task', paragraphs: ['加强安全生产工作。'] };
}

/** Each place of a source, with the place of the new plan at the same level (counted from the plan's own). */
function placePairs(source: PreparedSource, places: readonly string[]): (readonly [string, string])[] {
  const old = [...(source.frontMatter['jurisdiction'] as string[])];
  const name = source.frontMatter['name'] as string;
  const pairs = old.map((place, i) => [place, places[Math.max(0, places.length - old.length + i)]!] as const);
  return [...pairs, [name, places.at(-1)!] as const];
}

/** Replace place names (longest first) and shift the plan-period years 2024–2026 by `shift`. */
function renamer(pairs: (readonly [string, string])[], shift: number): (text: string) => string {
  const sorted = [...new Map(pairs)].sort((a, b) => b[0].length - a[0].length);
  return (text) => {
    let out = text;
    for (const [from, to] of sorted) out = out.replaceAll(from, to);
    return out.replace(/(?<!\d)(202[4-6])(?!\d)/g, (year) => String(Number(year) + shift));
  };
}

function scalar(value: string): string {
  return /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$/.test(value) ? JSON.stringify(value) : value;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
