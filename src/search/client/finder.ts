/**
 * Filters with more values than the search page lists (src/pages/search/
 * index.astro lists those with the most tasks): a box finds the others by
 * any part of their name and adds them to the list, and a value chosen in
 * the URL that is not listed is added as well. The values and their counts
 * are the engine's (`totals`), already loaded for searching, so the page
 * itself stays the same size whatever the number of plans.
 */
import type { FilterName } from '../record.ts';

/** Matches added to a list per keystroke, those with the most tasks first. */
const FOUND = 40;

/** The checkbox of `value` in filter `name`, added to its list (as a copy of a listed one) when missing. */
export function optionFor(form: HTMLFormElement, name: string, value: string): HTMLInputElement | null {
  const boxes = [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${CSS.escape(name)}"]`)];
  const found = boxes.find((box) => box.value === value);
  if (found || boxes.length === 0) return found ?? null;
  const label = boxes[0]!.closest('label')!.cloneNode(true) as HTMLLabelElement;
  const box = label.querySelector('input')!;
  box.value = value;
  box.checked = false;
  label.querySelector('span:not([data-count])')!.textContent = value;
  label.hidden = false;
  label.style.display = '';
  boxes[0]!.closest('label')!.parentElement!.append(label);
  return box;
}

/** Wires each filter's find box; `added` runs after options were added (to show their counts). */
export function mountFinders(form: HTMLFormElement, totals: Record<FilterName, Map<string, number>>, added: () => void): void {
  for (const finder of form.querySelectorAll<HTMLElement>('[data-facet-find]')) {
    const name = finder.dataset.facetFind as FilterName;
    const input = finder.querySelector('input')!;
    const list = finder.closest('fieldset')!.querySelector<HTMLElement>('.search__options')!;
    finder.hidden = false;
    const filter = () => {
      const query = input.value.trim().toLowerCase();
      if (query !== '') {
        const matches = [...totals[name]].filter(([value]) => value.toLowerCase().includes(query)).sort((a, b) => b[1] - a[1]);
        for (const [value] of matches.slice(0, FOUND)) optionFor(form, name, value);
        added();
      }
      for (const label of list.querySelectorAll<HTMLLabelElement>('label')) {
        const value = label.querySelector('input')!.value.toLowerCase();
        label.style.display = query === '' || value.includes(query) ? '' : 'none';
      }
    };
    input.addEventListener('input', filter);
    // Enter in the find box finds; it does not submit the search form.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault();
    });
    form.addEventListener('reset', () => setTimeout(filter));
  }
}
