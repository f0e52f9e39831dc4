/**
 * Small helpers over @xmldom/xmldom for OOXML parts: elements by local name
 * (any prefix), and `w:val`-style attributes.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

export type { Element };

/** Parses one part; null when it is not well-formed XML. */
export function parseXml(text: string): Element | null {
  try {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
    return doc.documentElement ?? null;
  } catch {
    return null;
  }
}

export function elements(parent: Element | null | undefined): Element[] {
  const out: Element[] = [];
  if (!parent) return out;
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) out.push(node as Element);
  return out;
}

export function children(parent: Element | null | undefined, name: string): Element[] {
  return elements(parent).filter((el) => el.localName === name);
}

export function child(parent: Element | null | undefined, name: string): Element | undefined {
  return elements(parent).find((el) => el.localName === name);
}

/** The first descendant along a path of local names: `path(p, 'pPr', 'numPr', 'numId')`. */
export function path(parent: Element | null | undefined, ...names: string[]): Element | undefined {
  let el: Element | undefined = parent ?? undefined;
  for (const name of names) el = child(el, name);
  return el;
}

/** An attribute by local name, whatever its prefix (`w:val`, `val`). */
export function attr(el: Element | null | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    if ((a.localName ?? a.name) === name) return a.value;
  }
  return undefined;
}

/** `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val="0"`/`false` is off. */
export function isOn(el: Element | undefined): boolean {
  if (!el) return false;
  const value = attr(el, 'val');
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

export function intAttr(el: Element | undefined, name = 'val'): number | undefined {
  const value = attr(el, name);
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}
