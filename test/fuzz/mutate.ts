/**
 * Seeded mutations of real plan files, the way content goes wrong in
 * practice: a pasted emoji or control character, a lost or doubled line, a
 * task number mistyped, a file cut short, a runaway paste, a front-matter
 * slip. The same seed gives the same mutant, so a failure can be replayed.
 */
import { createRandom, type Random } from '../../src/corpus/random.ts';

const HOSTILE = [
  '😀', '\u2028', '\t', '\u0000', '\r', '\u200b', '\ufeff', '*', '_', '~', '[', ']', '(', ')', '（', '）', '【', '】', '〔', '〕',
  '\\', '<script>alert(1)</script>', '---', '# ', '## ', '|', '𠮷', '０', '2024年', '责任单位：', '牵头单位】', '；', '、', '\u0301',
  '\ud800', '&amp;', '{{', '}}', '`', '> ', '- ', '1. ', '0. ', '007. ', '1000. ', '2024—2026年', '20260', '\n\n', '\n',
];

const FRONT = [
  (s: string) => s.replace(/^period: .*$/m, 'period: [2024, 20260]'),
  (s: string) => s.replace(/^period: .*$/m, 'period: [2026, 2024]'),
  (s: string) => s.replace(/^id: (.*)$/m, 'id: $1-2024'),
  (s: string) => s.replace(/^issuedOn: .*$/m, 'issuedOn: "2024-13-45"'),
  (s: string) => s.replace(/^name: .*\n/m, ''),
  (s: string) => s.replace(/^title: /m, 'title: &a '),
  (s: string) => s.replace(/^level: .*$/m, 'level: [镇, 镇]'),
  (s: string) => s.replace(/^---\n/, '---\n? [a, b]\n: c\n'),
  (s: string) => s.replace(/^jurisdiction: .*$/m, 'jurisdiction: *x'),
];

type Mutation = (text: string, random: Random) => string;

const MUTATIONS: Mutation[] = [
  // One hostile token somewhere.
  (text, r) => insertAt(text, r.int(0, text.length), r.pick(HOSTILE)),
  // A few of them.
  (text, r) => Array.from({ length: r.int(2, 6) }).reduce<string>((t) => insertAt(t, r.int(0, t.length), r.pick(HOSTILE)), text),
  // A character replaced.
  (text, r) => { const at = r.int(0, text.length - 1); return text.slice(0, at) + r.pick(HOSTILE) + text.slice(at + 1); },
  // A line lost, doubled or moved.
  (text, r) => { const lines = text.split('\n'); lines.splice(r.int(0, lines.length - 1), 1); return lines.join('\n'); },
  (text, r) => { const lines = text.split('\n'); const at = r.int(0, lines.length - 1); lines.splice(at, 0, lines[at]!); return lines.join('\n'); },
  (text, r) => { const lines = text.split('\n'); const [line] = lines.splice(r.int(0, lines.length - 1), 1); lines.splice(r.int(0, lines.length), 0, line!); return lines.join('\n'); },
  // A task number mistyped.
  (text, r) => { const lines = text.split('\n'); const tasks = lines.flatMap((l, i) => (/^\d+\. /.test(l) ? [i] : [])); if (tasks.length === 0) return text; const i = r.pick(tasks); lines[i] = lines[i]!.replace(/^\d+/, String(r.pick([0, 7, 30, 1000, 99999]))); return lines.join('\n'); },
  // Cut short.
  (text, r) => text.slice(0, r.int(0, text.length)),
  // A runaway paste: one token repeated thousands of times.
  (text, r) => insertAt(text, r.int(0, text.length), r.pick(['（市应急局牵头）', '2024年底前，', '*_', '【', '安 全 ', '由区应急局负责，', '](', '~a']).repeat(r.int(1_000, 20_000))),
  // Front matter slips.
  (text, r) => r.pick(FRONT)(text),
];

function insertAt(text: string, at: number, token: string): string {
  return text.slice(0, at) + token + text.slice(at);
}

export function mutate(text: string, seed: number): { text: string; how: number } {
  const random = createRandom(seed);
  const how = random.int(0, MUTATIONS.length - 1);
  return { text: MUTATIONS[how]!(text, random), how };
}
