/** What a task is matched on, folded: shared by the index builder and the search page so both see the same text. */
import { normalize } from './client/match.ts';

/** A record's lead phrase, and its text followed by its unit names (a task page lists its units even where the text abbreviates them). */
export function matchFields(record: { title: string; text: string }, units: readonly string[]): { title: string; text: string } {
  return { title: normalize(record.title), text: normalize(`${record.text}|${units.join('|')}`) };
}
