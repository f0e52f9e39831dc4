/**
 * The search page's behaviour: reads ?q= and filter parameters, runs the
 * engine, renders results and filter counts, keeps the URL in step. The
 * markup it drives is rendered by src/pages/search/index.astro and works as a
 * plain GET form without JavaScript.
 */
import { FILTERS, type FilterName } from '../record.ts';
import { withBase } from '../../site/base.ts';
import { createEngine, type Engine, type SearchOutcome } from './engine.ts';
import { excerpt, namesUnit, queryTerms, type Selection } from './match.ts';
import type { Hit } from './query.ts';
import { mountFinders, optionFor } from './finder.ts';

const PAGE = 20;
/** The button that asks Pagefind when no task holds the query, its words or its pieces. */
const SPELL_OUT = '逐字搜索';

/** No task holds the query whole, nor every word or piece of it: what is left is Pagefind's, on request. */
function nothingFound(result: SearchOutcome): boolean {
  return result.total === 0 && result.words() === null && result.pagefindFound() === null && result.more();
}

export async function mountSearch(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;

  let engine: Engine;
  try {
    status.textContent = '正在加载搜索索引…';
    engine = await createEngine();
    // The end-to-end tests and the benchmark query the same engine the page uses.
    (window as unknown as { planbookSearch?: Engine }).planbookSearch = engine;
  } catch (error) {
    status.textContent = '搜索索引加载失败，请刷新页面重试。';
    list.setAttribute('aria-busy', 'false');
    throw error;
  }

  let current: SearchOutcome | null = null;
  let terms: string[] = [];
  let run = 0;

  mountFinders(form, engine.totals, () => void showCounts(current));
  // A list left closed during a search is counted when it is opened.
  for (const group of form.querySelectorAll<HTMLDetailsElement>('details[data-filter]')) {
    group.addEventListener('toggle', () => {
      if (group.open && group.dataset.stale !== undefined) void showCounts(current);
    });
  }
  readUrl();
  await update('none');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update('push');
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).type === 'checkbox') void update('replace');
  });
  form.addEventListener('reset', () => setTimeout(() => void update('replace')));
  // Each submitted query is a history entry, so Back returns to the previous results.
  window.addEventListener('popstate', () => {
    readUrl();
    void update('none');
  });
  more.addEventListener('click', () => {
    const before = list.children.length;
    if (current && before === 0 && nothingFound(current)) {
      const outcome = current;
      const asked = input.value.trim();
      void renderMore().then(async (batch) => {
        if (outcome !== current) return;
        await showCounts(outcome);
        if (outcome !== current) return;
        status.textContent = describe(asked, outcome, true);
        if (batch.length > 0) list.children[0]?.querySelector('a')?.focus();
      });
      return;
    }
    const partial = current !== null && !current.exactLeft();
    const firstPartial = !list.querySelector('.search-result__partial');
    void renderMore().then((batch) => {
      if (batch.length === 0 && partial) status.textContent += '没有其他只含部分字词的任务。';
      else if (firstPartial && batch.some((h) => h.tier === 1)) status.textContent += '其后列出只含其中部分字词的任务（标“部分匹配”）。';
      list.children[before]?.querySelector('a')?.focus();
    });
  });

  /** This page's address for what the form holds: the query and the ticked filters. */
  function formUrl(): URL {
    const url = new URL(location.href);
    url.search = new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString();
    return url;
  }

  function selection(): Selection {
    const out: Selection = {};
    for (const name of FILTERS) {
      const values = [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
      if (values.length > 0) out[name] = values;
    }
    return out;
  }

  function readUrl(): void {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    // A value the page does not list (it lists those with the most tasks) is added, to show it chosen.
    for (const name of FILTERS) for (const value of params.getAll(name)) if (engine.totals[name].has(value)) optionFor(form, name, value);
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = params.getAll(box.name).includes(box.value);
    }
  }

  async function update(mode: 'push' | 'replace' | 'none'): Promise<void> {
    const id = ++run;
    list.setAttribute('aria-busy', 'true');
    try {
      await search(id, mode);
    } finally {
      if (id === run) list.setAttribute('aria-busy', 'false');
    }
  }

  async function search(id: number, mode: 'push' | 'replace' | 'none'): Promise<void> {
    const query = input.value;
    const chosen = selection();
    if (mode !== 'none') {
      const url = formUrl();
      if (url.href !== location.href) {
        if (mode === 'push') history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }
    }
    if (query.trim() === '' && Object.keys(chosen).length === 0) {
      current = null;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '输入关键词，或选择筛选条件浏览任务。';
      await showCounts(null);
      return;
    }
    const result = await engine.run(query, chosen);
    if (id !== run) return; // a newer search started meanwhile
    current = result;
    const placed = result.places();
    if (placed) {
      // The place becomes the 辖区 ticked and leaves the query, so the form says what was searched and unticking undoes it.
      for (const place of placed.places) {
        const box = optionFor(form, '辖区', place);
        if (box) box.checked = true;
      }
      input.value = placed.query;
      history.replaceState(null, '', formUrl());
    }
    terms = queryTerms(placed ? placed.query : query);
    list.replaceChildren();
    if (nothingFound(result)) {
      // Only Pagefind could add anything (tasks holding some of the characters): loaded when asked for.
      more.hidden = false;
      more.textContent = SPELL_OUT;
    } else {
      await renderMore();
    }
    if (id !== run) return;
    await showCounts(result);
    if (id !== run) return;
    const said = describe(placed ? placed.query : query.trim(), result);
    status.textContent = placed ? `${placed.named.map((t) => `“${t}”`).join('')}是辖区名，已改为按辖区（${placed.places.join('、')}）筛选；${said}` : said;
  }

  /** What was found, saying which numbers are exact; `spelled`: after Pagefind was asked for. */
  function describe(query: string, result: SearchOutcome, spelled = false): string {
    if (query === '') return result.total === 0 ? '没有找到符合筛选条件的任务。' : `找到 ${result.total} 条符合筛选条件的任务。`;
    if (result.total === 0) {
      const words = result.words();
      if (words?.kind === 'similar') return `没有任务含完整的“${query}”；找到 ${words.total} 条含其中大部分字句的任务（标“部分匹配”，相同处多的在前）。`;
      if (words) {
        const left = words.missing.length > 0 ? `${words.missing.map((w) => `“${w}”`).join('')}不见于任何任务，已略去；` : '';
        return `没有任务含完整的“${query}”；${left}找到${words.exact ? ' ' : '至多 '}${words.total} 条分别含${words.words.map((w) => `“${w}”`).join('')}的任务（标“部分匹配”）。`;
      }
      const unheld = result.unheld();
      const left = unheld.length > 0 ? `（${unheld.map((w) => `“${w}”`).join('')}不见于任何任务）` : '';
      if (!spelled) return `没有找到含“${query}”的任务${left}。可按“${SPELL_OUT}”列出只含其中个别字的任务。`;
      const found = result.pagefindFound() ?? 0;
      return found === 0 ? `没有找到含“${query}”的任务，也没有只含其中个别字的任务。` : `没有任务含完整的“${query}”${left}；找到 ${found} 条只含其中个别字的任务（标“部分匹配”）。`;
    }
    const number = result.exact ? `${result.total} 条` : `至多 ${result.total} 条`;
    const units = result.byUnit;
    const head =
      units > 0
        ? `找到 ${number}任务：${units} 条的责任单位是“${query}”所指的单位` + (result.total > units ? `，其余${result.exact ? ` ${result.total - units} 条` : ''}原文含“${query}”` : '')
        : `找到 ${number}含“${query}”的任务`;
    // Long terms are checked against each task's text as its page of results is shown.
    const bound = result.exact ? '' : '（每条结果列出前已核对原文；数目和筛选计数为上限）';
    return `${head}${bound}。`;
  }

  async function renderMore(): Promise<Hit[]> {
    if (!current) return [];
    const outcome = current;
    const batch = await outcome.next(PAGE);
    if (outcome !== current) return [];
    const items = batch.map((hit) => renderHit(hit, outcome, terms));
    list.append(...items);
    more.hidden = !outcome.more();
    // Partial matches (every word apart, then Pagefind's) only when asked for, unless nothing matches whole.
    more.textContent = outcome.exactLeft() || batch.some((h) => h.tier === 1) ? '显示更多结果' : '显示只含部分字词的任务';
    return batch;
  }

  /**
   * Each filter's counts: the corpus's with no search, else the search's. A
   * closed list is counted when it is opened (its value ids are fetched only
   * then), unless a value of it is chosen.
   */
  async function showCounts(result: SearchOutcome | null): Promise<void> {
    await Promise.all(
      FILTERS.map(async (name) => {
        const group = form.querySelector<HTMLDetailsElement>(`details[data-filter="${name}"]`);
        const boxes = [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
        if (result && group && !group.open && !boxes.some((b) => b.checked)) {
          group.dataset.stale = '';
          return;
        }
        const counts = result ? await result.count(name, boxes.map((b) => b.value)) : engine.totals[name];
        if (result !== current) return; // a newer search started meanwhile
        if (group) delete group.dataset.stale;
        for (const box of boxes) {
          const label = box.closest('label')!;
          // Not counted (Pagefind's partial matches, for a filter they were not narrowed by): every value stays, with no number.
          const count = counts ? (counts.get(box.value) ?? 0) : null;
          label.querySelector('[data-count]')!.textContent = count === null ? '' : result && !result.exact ? `≤${count}` : String(count);
          label.hidden = count === 0 && !box.checked;
        }
      }),
    );
  }
}

function renderHit(hit: Hit, outcome: SearchOutcome, terms: string[]): HTMLLIElement {
  const { record, units } = hit;
  const li = document.createElement('li');
  li.className = 'search-result';
  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  meta.textContent = `${record.plan} · 任务 ${record.number} · 时限 ${record.deadline}`;
  if (hit.tier === 1) {
    const tag = document.createElement('span');
    tag.className = 'search-result__partial';
    tag.textContent = '部分匹配';
    meta.append(' ', tag);
  }
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = withBase(record.url);
  link.textContent = record.title;
  heading.append(link);
  const body = document.createElement('p');
  body.className = 'search-result__excerpt';
  const parts = excerpt(record.text, hit.marks ?? terms);
  if (parts) {
    for (const part of parts) body.append(part.mark ? mark(part.text) : part.text);
  } else {
    body.textContent = record.text.length > 90 ? `${record.text.slice(0, 90)}…` : record.text;
    if (hit.tier === 1) {
      void outcome.pagefindExcerpt(hit).then((html) => {
        if (html) body.replaceChildren(...fromExcerpt(html));
      });
    }
  }
  const who = document.createElement('p');
  who.className = 'search-result__units';
  if (units.length > 0) {
    who.append('责任单位：');
    units.forEach((name, i) => who.append(...(i > 0 ? ['、'] : []), terms.some((t) => namesUnit(name, t)) ? mark(name) : name));
  } else who.textContent = '责任单位：未写明';
  li.append(meta, heading, who, body);
  return li;
}

function mark(text: string): HTMLElement {
  const m = document.createElement('mark');
  m.textContent = text;
  return m;
}

/** Pagefind's excerpt is HTML with <mark>; keep its text and marks only. */
function fromExcerpt(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === 'MARK' ? mark(node.textContent ?? '') : document.createTextNode(node.textContent ?? ''),
  );
}
