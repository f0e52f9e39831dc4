/**
 * The search page's behaviour: reads ?q= and filter parameters, runs the
 * engine, renders results and filter counts, keeps the URL in step. The
 * markup it drives is rendered by src/pages/search/index.astro and works as a
 * plain GET form without JavaScript.
 */
import { FILTERS, type FilterName } from '../record.ts';
import { withBase } from '../../site/base.ts';
import { createEngine, type Engine, type SearchOutcome } from './engine.ts';
import { excerpt, namesUnit, queryTerms, type Hit, type Selection } from './match.ts';
import type { SubstringIndex } from '../substring.ts';

const PAGE = 20;

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

  let shown = 0;
  let current: SearchOutcome | null = null;
  let terms: string[] = [];
  let run = 0;

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
    const first = renderMore();
    first?.querySelector('a')?.focus();
  });

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
      const url = new URL(location.href);
      url.search = new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString();
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
      showCounts(null);
      return;
    }
    const result = await engine.run(query, chosen);
    if (id !== run) return; // a newer search started meanwhile
    current = result;
    terms = queryTerms(query);
    shown = 0;
    list.replaceChildren();
    renderMore();
    showCounts(result);
    const exact = result.hits.filter((h) => h.tier > 1).length;
    const what = query.trim() === '' ? '符合筛选条件的任务' : `含“${query.trim()}”的任务`;
    const partial = result.hits.length - exact;
    const byUnit = result.hits.filter((h) => h.tier === 4).length;
    status.textContent =
      result.hits.length === 0
        ? `没有找到${what}。`
        : query.trim() !== '' && exact === 0
          ? `没有任务含完整的“${query.trim()}”；找到 ${partial} 条含其中部分字词的任务。`
          : (byUnit > 0
              ? `找到 ${exact} 条任务：${byUnit} 条的责任单位是“${query.trim()}”所指的单位` +
                (exact > byUnit ? `，其余 ${exact - byUnit} 条原文含“${query.trim()}”` : '')
              : `找到 ${exact} 条${what}`) +
            (partial > 0 ? `，另有 ${partial} 条部分匹配` : '') +
            '。';
  }

  function renderMore(): HTMLLIElement | null {
    if (!current) return null;
    const batch = current.hits.slice(shown, shown + PAGE);
    const items = batch.map((hit) => renderHit(hit, current!, terms, engine.index));
    list.append(...items);
    shown += batch.length;
    more.hidden = shown >= current.hits.length;
    return items[0] ?? null;
  }

  function showCounts(result: SearchOutcome | null): void {
    for (const name of FILTERS) {
      for (const box of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
        const total = engine.totals[name]?.[box.value] ?? 0;
        const count = result ? (result.counts[name as FilterName].get(box.value) ?? 0) : total;
        const label = box.closest('label')!;
        label.querySelector('[data-count]')!.textContent = String(count);
        label.hidden = count === 0 && !box.checked;
      }
    }
  }
}

function renderHit(hit: Hit, outcome: SearchOutcome, terms: string[], index: SubstringIndex): HTMLLIElement {
  const { record } = hit;
  const units = record.filters.责任单位.map((i) => index.values.责任单位[i]!);
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
  const parts = excerpt(record.text, terms);
  if (parts) {
    for (const part of parts) body.append(part.mark ? mark(part.text) : part.text);
  } else {
    body.textContent = record.text.length > 90 ? `${record.text.slice(0, 90)}…` : record.text;
    if (hit.tier === 1) {
      void outcome.pagefindExcerpt(record.url).then((html) => {
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
