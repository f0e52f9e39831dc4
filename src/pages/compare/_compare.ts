/**
 * Progressive enhancement of /compare/: choose plans and their order, the
 * baseline (diffs are recomputed in the browser from the tokens the page
 * ships), filter rows by action or year, expand or collapse every cell.
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
    filter();
  }

  function filter() {
    const visible = shown();
    let count = 0;
    for (const tr of table!.tBodies[0].rows) {
      const hasShown = [...visible].some((id) => tr.querySelector(`td[data-plan="${id}"]`)?.getAttribute('data-task'));
      const okAction = !action.value || (tr.dataset.actions ?? '').split(' ').includes(action.value);
      const okYear = !year.value || (tr.dataset.years ?? '').split(' ').includes(year.value);
      tr.hidden = !(hasShown && okAction && okYear);
      if (!tr.hidden) count++;
    }
    status.textContent = `显示 ${count} 个主题、${visible.size} 个方案。`;
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
  baseline.addEventListener('change', rebase);
  action.addEventListener('change', filter);
  year.addEventListener('change', filter);
  const toggle = (open: boolean) => () => table.querySelectorAll('details').forEach((d) => (d.open = open));
  form.querySelector('#cmp-expand')!.addEventListener('click', toggle(true));
  form.querySelector('#cmp-collapse')!.addEventListener('click', toggle(false));
  form.addEventListener('submit', (e) => e.preventDefault());
  layout();
}
