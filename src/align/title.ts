/**
 * A short topic title for a row: the lead phrase of its most central member,
 * preferring a phrase of readable length, trimmed of filler openings.
 */

const FILLER = /^(进一步|深入|持续|积极|全面|扎实|切实|大力|着力)/;

export function rowTitle(titles: string[], centrality: number[]): string {
  const order = titles.map((_, i) => i).sort((a, b) => centrality[b] - centrality[a]);
  const clean = (t: string) => t.replace(/[。；，：、\s]+$/, '').trim();
  const readable = order.map((i) => clean(titles[i])).find((t) => t.length >= 4 && t.length <= 18);
  const title = readable ?? clean(titles[order[0]] ?? '');
  const trimmed = title.length > 18 && FILLER.test(title) ? title.replace(FILLER, '') : title;
  return trimmed.length > 20 ? `${trimmed.slice(0, 19)}…` : trimmed;
}
