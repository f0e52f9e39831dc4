/**
 * Finds a task's lead phrase (its title): a title line of its own
 * (`1. 进一步强化街道党工委办事处责任。` then the body) or a short first
 * sentence (`深化专项整治。持续推进…`). Returns null when the first sentence
 * is a full statement (`进一步夯实属地管理责任，突出社区末梢，推进…`).
 */
import { LABEL_LINE } from './lines.ts';

export interface Lead {
  phrase: string; // without its closing punctuation
  punctuation: string; // 。 (or empty when the title line has none)
  rest: string; // the text after the phrase and its punctuation
}

const MAX = 26;

export function findLead(paragraphs: string[]): { lead: Lead | null; paragraphs: string[] } {
  const [first, ...others] = paragraphs;
  if (first === undefined) return { lead: null, paragraphs };
  // Title on its own line: merge it with the body paragraph that follows.
  const own = /^([^。；，]{2,40}?)([。]?)$/.exec(first);
  // A title line with label lines under it (`牵头单位：…`, `完成时限：…`): the title alone, the labels stay lines.
  if (own && others.length > 0 && isPhrase(own[1]!) && LABEL_LINE.test(others[0]!)) {
    return { lead: { phrase: own[1]!, punctuation: own[2]!, rest: '' }, paragraphs: others };
  }
  if (own && others.length > 0 && isPhrase(own[1]!)) {
    const [body, ...more] = others;
    return { lead: { phrase: own[1]!, punctuation: own[2]!, rest: body! }, paragraphs: more };
  }
  const sentence = /^([^。；：！？]+)(。)/.exec(first);
  if (sentence && isPhrase(sentence[1]!) && first.length > sentence[0].length) {
    return { lead: { phrase: sentence[1]!, punctuation: '。', rest: first.slice(sentence[0].length) }, paragraphs: others };
  }
  return { lead: null, paragraphs };
}

function isPhrase(text: string): boolean {
  const chars = [...text].length;
  const commas = (text.match(/，/g) ?? []).length;
  if (chars > MAX || commas > 1) return false;
  // A name in quotes is common in a title (开展“两节”安全大检查, 深化“一件事”全链条整治); a quote left open is not a phrase.
  if (/[《》（）()\d]/.test(text) || !balancedQuotes(text)) return false;
  return commas === 0 || text.split('，').every((half) => [...half].length <= 14);
}

function balancedQuotes(text: string): boolean {
  let open = false;
  for (const c of text) {
    if (c === '“') {
      if (open) return false;
      open = true;
    } else if (c === '”') {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}
