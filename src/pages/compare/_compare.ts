/**
 * Progressive enhancement of /compare/: choose plans and their order, the
 * baseline (diffs are recomputed in the browser from the tokens the page
 * ships), filter rows by action or year, by a plan's gaps (只看缺项) or by
 * deadline/unit differences from the baseline (只看差异), choose the plan a
 * phone shows beside the baseline, expand or collapse every cell; the view
 * is kept in the URL (?plans=&base=&gap=&diff=…) so it can be shared.
 */
import { deltaHtml, diffHtml, diffWords, setDiff } from '../../align/diff.ts';

interface Data {
  plans: { id: string; name: string }[];
  tasks: Record<string, { tokens: string; deadlines: string[]; units: string[] }>;
}

export function setupCompare(): void {
  const form = document.getElementById('cmp-controls') as HTMLFormElement | null;
  const table = document.getElementById('cmp-matrix') as HTMLTableElement | null;
  const raw = document.getElementById('cmp-data');
  if (!form || !table || !raw) return;
  const data = JSON.parse(raw.textContent ?? '{}') as Data;
  const list = form.querySelector('#cmp-plan-list') as HTMLOListElement;
  const baseline = form.querySelector('#cmp-baseline') as HTMLSelectElement;
  const action = form.querySelector('#cmp-action') as HTMLSelectElement;
  const year = form.querySelector('#cmp-year') as HTMLSelectElement;
  const gap = form.querySelector('#cmp-gap') as HTMLSelectElement;
  const diff = form.querySelector('#cmp-diff') as HTMLInputElement;
  const partner = form.querySelector('#cmp-partner') as HTMLSelectElement;
  const status = form.querySelector('#cmp-status') as HTMLElement;
  form.hidden = false;

  const order = () => [...list.querySelectorAll<HTMLLIElement>('li')].map((li) => li.dataset.plan!);
  const shown = () => new Set([...list.querySelectorAll<HTMLInputElement>('input[name=plan]:checked')].map((i) => i.value));

  function layout() {
    const plans = order();
    const visible = shown();
    for (const tr of table!.querySelectorAll('tr')) {
      for (const id of plans) {
        const cell = tr.querySelector<HTMLElement>(`:scope > [data-plan="${id}"]`);
        if (!cell) continue;
        tr.appendChild(cell);
        cell.hidden = !visible.has(id);
      }
    }
    // The baseline must be a shown plan.
    for (const opt of baseline.options) opt.disabled = !visible.has(opt.value);
    if (!visible.has(baseline.value)) baseline.value = plans.find((p) => visible.has(p)) ?? baseline.value;
    phone();
    filter();
  }

  /** A phone shows the baseline and the chosen partner plan only (CSS hides the rest below 40rem). */
  function phone() {
    const visible = shown();
    for (const opt of partner.options) opt.disabled = !visible.has(opt.value) || opt.value === baseline.value;
    if (partner.value === baseline.value || !visible.has(partner.value)) {
      partner.value = order().find((id) => visible.has(id) && id !== baseline.value) ?? partner.value;
    }
    for (const el of table!.querySelectorAll<HTMLElement>('[data-plan]')) {
      el.toggleAttribute('data-phone-hidden', el.dataset.plan !== baseline.value && el.dataset.plan !== partner.value);
    }
  }

  /** Rows where a shown plan's deadlines or units differ from the baseline's task in that row. */
  function differs(tr: HTMLTableRowElement, visible: Set<string>): boolean {
    const baseTask = tr.querySelector(`td[data-plan="${baseline.value}"]`)?.getAttribute('data-task');
    const base = baseTask ? data.tasks[baseTask] : undefined;
    if (!base) return false;
    const same = (x: string[], y: string[]) => x.length === y.length && x.every((v) => y.includes(v));
    return [...visible].some((id) => {
      const task = data.tasks[tr.querySelector(`td[data-plan="${id}"]`)?.getAttribute('data-task') ?? ''];
      return task !== undefined && (!same(task.deadlines, base.deadlines) || !same(task.units, base.units));
    });
  }

  function filter() {
    const visible = shown();
    let count = 0;
    for (const tr of table!.tBodies[0].rows) {
      const hasShown = [...visible].some((id) => tr.querySelector(`td[data-plan="${id}"]`)?.getAttribute('data-task'));
      const okAction = !action.value || (tr.dataset.actions ?? '').split(' ').includes(action.value);
      const okYear = !year.value || (tr.dataset.years ?? '').split(' ').includes(year.value);
      const okGap = !gap.value || !tr.querySelector(`td[data-plan="${gap.value}"]`)?.getAttribute('data-task');
      const okDiff = !diff.checked || differs(tr, visible);
      tr.hidden = !(hasShown && okAction && okYear && okGap && okDiff);
      if (!tr.hidden) count++;
    }
    const gapName = gap.value ? gap.selectedOptions[0]?.textContent : '';
    status.textContent = `显示 ${count} 个主题、${visible.size} 个方案${gapName ? `（${gapName}）` : ''}${diff.checked ? '（只看差异）' : ''}。`;
    writeUrl();
  }

  /** The view as URL parameters (plans in order, shown ones, baseline, filters), so it can be shared. */
  function writeUrl() {
    const params = new URLSearchParams();
    const visible = shown();
    params.set('plans', order().filter((id) => visible.has(id)).join(','));
    params.set('base', baseline.value);
    if (partner.value) params.set('partner', partner.value);
    if (gap.value) params.set('gap', gap.value);
    if (diff.checked) params.set('diff', '1');
    if (action.value) params.set('action', action.value);
    if (year.value) params.set('year', year.value);
    const url = `${location.pathname}?${params}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  }

  /** Restore a shared view: unknown values are ignored. */
  function readUrl() {
    const params = new URLSearchParams(location.search);
    const known = (select: HTMLSelectElement, value: string | null) => {
      if (value !== null && [...select.options].some((o) => o.value === value)) select.value = value;
    };
    const wanted = params.get('plans')?.split(',').filter(Boolean);
    if (wanted && wanted.length > 0) {
      for (const li of [...list.querySelectorAll<HTMLLIElement>('li')]) {
        const box = li.querySelector<HTMLInputElement>('input[name=plan]')!;
        box.checked = wanted.includes(li.dataset.plan!);
      }
      for (const id of [...wanted].reverse()) {
        const li = list.querySelector<HTMLLIElement>(`li[data-plan="${id}"]`);
        if (li) list.prepend(li);
      }
    }
    known(baseline, params.get('base'));
    known(partner, params.get('partner'));
    known(gap, params.get('gap'));
    known(action, params.get('action'));
    known(year, params.get('year'));
    diff.checked = params.get('diff') === '1';
  }

  function rebase() {
    const baseId = baseline.value;
    document.getElementById('cmp-base-name')!.textContent = data.plans.find((p) => p.id === baseId)?.name ?? baseId;
    for (const tr of table!.tBodies[0].rows) {
      const baseTask = tr.querySelector(`td[data-plan="${baseId}"]`)?.getAttribute('data-task');
      const base = baseTask ? data.tasks[baseTask] : undefined;
      for (const td of tr.querySelectorAll<HTMLElement>('td[data-task]')) {
        const id = td.dataset.task!;
        const task = data.tasks[id];
        if (!task) continue;
        const text = td.querySelector<HTMLElement>('[data-role=text]');
        const delta = td.querySelector<HTMLElement>('.cmp-delta');
        const summary = td.querySelector('summary');
        const tokens = task.tokens.split('\u0001');
        if (!base || id === baseTask) {
          if (text) text.innerHTML = diffHtml([{ kind: 'same', text: tokens.join('') }]);
          if (delta) delta.innerHTML = '';
          if (summary) summary.textContent = '全文';
        } else {
          if (text) text.innerHTML = diffHtml(diffWords(base.tokens.split('\u0001'), tokens));
          if (delta) delta.innerHTML = deltaHtml(setDiff(base.deadlines, task.deadlines), setDiff(base.units, task.units));
          if (summary) summary.textContent = '全文（与基准对比）';
        }
      }
    }
  }

  list.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-move]');
    if (!button) return;
    const li = button.closest('li')!;
    if (button.dataset.move === 'up' && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
    if (button.dataset.move === 'down' && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
    button.focus();
    layout();
  });
  list.addEventListener('change', () => {
    layout();
    rebase();
  });
  baseline.addEventListener('change', () => {
    rebase();
    phone();
    filter();
  });
  partner.addEventListener('change', () => {
    phone();
    writeUrl();
  });
  action.addEventListener('change', filter);
  year.addEventListener('change', filter);
  gap.addEventListener('change', filter);
  diff.addEventListener('change', filter);
  const toggle = (open: boolean) => () => table.querySelectorAll('details').forEach((d) => (d.open = open));
  form.querySelector('#cmp-expand')!.addEventListener('click', toggle(true));
  form.querySelector('#cmp-collapse')!.addEventListener('click', toggle(false));
  form.addEventListener('submit', (e) => e.preventDefault());
  readUrl();
  layout();
  rebase();
}
