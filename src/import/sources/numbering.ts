/**
 * Word's automatic list numbering, written out as the text Word shows.
 *
 * numbering.xml defines abstract lists (levels with `w:start`, `w:numFmt`,
 * `w:lvlText` such as `%1.` or `（%2）`, `w:lvlRestart`) and list instances
 * (`w:num`) that point at one and may override a level's start. A paragraph
 * names an instance and a level (`w:numPr`), itself or through its style.
 *
 *   <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
 *     <w:lvlText w:val="%1、"/></w:lvl>          third paragraph → `三、`
 *
 * Counters follow Word: instances of one abstract list share counters unless
 * an instance overrides a start; using a level restarts the deeper levels.
 */
import { formatNumber } from './numfmt.ts';
import { attr, child, children, intAttr, isOn, path, type Element } from './xml.ts';

interface Level {
  start: number;
  format: string;
  text: string;
  restart: number | undefined; // w:lvlRestart: 0 never, n after a level above n
  legal: boolean;
  suffix: string; // w:suff: what follows the label (tab, space, nothing)
}

interface Instance {
  levels: Map<number, Level>;
  counterKey: string;
  starts: Map<number, number>; // w:startOverride
}

export class Numbering {
  private readonly instances = new Map<string, Instance>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly overridden = new Set<string>();

  constructor(root: Element | null) {
    const abstracts = new Map<string, Map<number, Level>>();
    for (const abstract of children(root, 'abstractNum')) {
      abstracts.set(attr(abstract, 'abstractNumId') ?? '', readLevels(abstract));
    }
    for (const num of children(root, 'num')) {
      const numId = attr(num, 'numId') ?? '';
      const abstractId = attr(child(num, 'abstractNumId'), 'val') ?? '';
      const levels = new Map(abstracts.get(abstractId) ?? []);
      const starts = new Map<number, number>();
      for (const override of children(num, 'lvlOverride')) {
        const ilvl = intAttr(override, 'ilvl') ?? 0;
        const start = intAttr(child(override, 'startOverride'));
        if (start !== undefined) starts.set(ilvl, start);
        const lvl = child(override, 'lvl');
        if (lvl) levels.set(ilvl, readLevel(lvl, levels.get(ilvl)));
      }
      const counterKey = starts.size > 0 ? `num:${numId}` : `abstract:${abstractId}`;
      this.instances.set(numId, { levels, counterKey, starts });
    }
  }

  /** The visible label of the next paragraph in list `numId` at level `ilvl` (`1. `, `（一）`), with its following space, or null. */
  next(numId: string, ilvl: number): string | null {
    const instance = this.instances.get(numId);
    const level = instance?.levels.get(ilvl);
    if (!instance || !level) return null;
    const counts = this.counters.get(instance.counterKey) ?? [];
    this.counters.set(instance.counterKey, counts);
    if (!this.overridden.has(instance.counterKey)) {
      // A start override applies the first time the instance is used.
      this.overridden.add(instance.counterKey);
      for (const [l, start] of instance.starts) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? startOf(instance, ilvl) - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = instance.levels.get(deeper)?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) counts[deeper] = undefined;
    }
    if (level.format === 'bullet') return null; // bullets carry no number a plan refers to
    const label = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const l = Number(n) - 1;
      const value = counts[l] ?? startOf(instance, l);
      const format = level.legal && l !== ilvl ? 'decimal' : (instance.levels.get(l)?.format ?? 'decimal');
      return formatNumber(format, value);
    });
    return level.suffix === 'nothing' ? label : `${label} `;
  }
}

function startOf(instance: Instance, ilvl: number): number {
  return instance.starts.get(ilvl) ?? instance.levels.get(ilvl)?.start ?? 1;
}

function readLevels(abstract: Element): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of children(abstract, 'lvl')) levels.set(intAttr(lvl, 'ilvl') ?? 0, readLevel(lvl));
  return levels;
}

function readLevel(lvl: Element, base?: Level): Level {
  return {
    start: intAttr(child(lvl, 'start')) ?? base?.start ?? 1,
    format: attr(child(lvl, 'numFmt'), 'val') ?? base?.format ?? 'decimal',
    text: attr(child(lvl, 'lvlText'), 'val') ?? base?.text ?? '',
    restart: intAttr(child(lvl, 'lvlRestart')) ?? base?.restart,
    legal: child(lvl, 'isLgl') ? isOn(child(lvl, 'isLgl')) : (base?.legal ?? false),
    suffix: attr(child(lvl, 'suff'), 'val') ?? base?.suffix ?? 'tab',
  };
}

/** `w:numPr` of a paragraph, or of its style and the styles that style is based on. */
export function numberingOf(p: Element, styles: Map<string, Element>): { numId: string; ilvl: number } | null {
  const own = path(p, 'pPr', 'numPr');
  let numId = attr(child(own, 'numId'), 'val');
  let ilvl = intAttr(child(own, 'ilvl'));
  let styleId = attr(path(p, 'pPr', 'pStyle'), 'val');
  for (let depth = 0; styleId && depth < 10 && (numId === undefined || ilvl === undefined); depth++) {
    const style = styles.get(styleId);
    const numPr = path(style, 'pPr', 'numPr');
    numId ??= attr(child(numPr, 'numId'), 'val');
    ilvl ??= intAttr(child(numPr, 'ilvl'));
    styleId = attr(child(style, 'basedOn'), 'val');
  }
  if (numId === undefined || numId === '0') return null;
  return { numId, ilvl: ilvl ?? 0 };
}
