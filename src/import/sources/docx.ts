/**
 * Reads a Word file (.docx, also WPS files saved as .docx) from its OOXML
 * parts with fflate (zip) and @xmldom/xmldom: the main document only, so
 * headers, footers, page numbers, footnotes and comments are not plan text.
 *
 *   <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>
 *     <w:r><w:t>健全安全生产责任体系</w:t></w:r></w:p>      → `一、健全安全生产责任体系`
 *   <w:tbl> rows of cells, merged cells resolved            → `1\t排查整治\t区应急局\t2024年底前`
 *
 * Paragraph boundaries are kept (one line each), automatic numbering is
 * written out as Word shows it (numbering.ts), soft line breaks start a new
 * line, deleted revisions and hidden text are dropped. A text box (a cover's
 * title or issuer set in a frame, a boxed note) is read where it is
 * anchored, before its paragraph's own text, once: Word writes it twice, as
 * DrawingML (`mc:Choice`) and as VML for older readers (`mc:Fallback`).
 */
import { strFromU8, unzipSync } from 'fflate';
import { Numbering, numberingOf } from './numbering.ts';
import { TextBuilder, type SourceText } from './output.ts';
import { SourceProblem } from './problem.ts';
import { readTable } from './docx-table.ts';
import { attr, child, children, elements, isOn, parseXml, path, type Element } from './xml.ts';

const PARTS = new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml']);
/** Containers whose runs are shown: links, tracked insertions, fields, content controls. */
const INLINE = new Set(['hyperlink', 'ins', 'moveTo', 'smartTag', 'fldSimple', 'customXml', 'sdt', 'sdtContent', 'bdo', 'dir']);

export interface DocxContext {
  numbering: Numbering;
  styles: Map<string, Element>;
}

export function readDocx(bytes: Uint8Array): SourceText {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => PARTS.has(file.name) });
  } catch (cause) {
    throw new SourceProblem('docx-damaged', String(cause), { cause });
  }
  const document = parsePart(files, 'word/document.xml');
  const body = child(document, 'body');
  if (!document || !body) throw new SourceProblem('docx-damaged', 'word/document.xml');
  const styles = new Map<string, Element>();
  for (const style of children(parsePart(files, 'word/styles.xml'), 'style')) styles.set(attr(style, 'styleId') ?? '', style);
  const ctx: DocxContext = { numbering: new Numbering(parsePart(files, 'word/numbering.xml')), styles };

  const out = new TextBuilder();
  let paragraphs = 0;
  let tables = 0;
  const walk = (container: Element | undefined): void => {
    for (const el of elements(container)) {
      if (el.localName === 'p') {
        // A table of contents' entries (styles TOC1, TOC2…) repeat the headings with page numbers: not plan text.
        if (/^TOC\s?\d$/iu.test(attr(path(el, 'pPr', 'pStyle'), 'val') ?? '')) continue;
        for (const box of textBoxes(el)) walk(box);
        const text = paragraphText(el, ctx);
        if (text.trim() === '') continue;
        paragraphs++;
        for (const line of text.split('\n')) if (line.trim()) out.line(line, `第${paragraphs}段`);
      } else if (el.localName === 'tbl') {
        const table = ++tables;
        out.table(readTable(el, ctx), (row) => `表${table}第${row}行`);
      } else if (el.localName === 'sdt') {
        // Word's table of contents is a content control of the gallery `Table of Contents`.
        if (attr(path(el, 'sdtPr', 'docPartObj', 'docPartGallery'), 'val') === 'Table of Contents') continue;
        walk(child(el, 'sdtContent'));
      }
      else if (el.localName === 'customXml' || el.localName === 'ins') walk(el);
    }
  };
  walk(body);
  const result = out.build('docx');
  if (result.text.trim() === '') throw new SourceProblem('docx-empty');
  return result;
}

/** The text boxes anchored in a paragraph, in document order, each once (the DrawingML one, else its VML fallback). */
function textBoxes(container: Element | undefined): Element[] {
  const found: Element[] = [];
  for (const el of elements(container)) {
    if (el.localName === 'txbxContent') found.push(el);
    else if (el.localName === 'AlternateContent') {
      const choice = textBoxes(child(el, 'Choice'));
      found.push(...(choice.length > 0 ? choice : textBoxes(child(el, 'Fallback'))));
    } else found.push(...textBoxes(el));
  }
  return found;
}

function parsePart(files: Record<string, Uint8Array>, name: string): Element | null {
  const bytes = files[name];
  if (!bytes) return null;
  const root = parseXml(strFromU8(bytes));
  if (!root && name === 'word/document.xml') throw new SourceProblem('docx-damaged', name);
  return root;
}

/** A paragraph's visible text, its list label first (`1.`, `（一）`). */
export function paragraphText(p: Element, ctx: DocxContext): string {
  const text = runsText(p);
  const numPr = numberingOf(p, ctx.styles);
  const label = numPr ? ctx.numbering.next(numPr.numId, numPr.ilvl) : null;
  if (!label || text.trim() === '') return text;
  return label + text.trimStart();
}

function runsText(container: Element): string {
  let out = '';
  for (const el of elements(container)) {
    if (el.localName === 'r') out += runText(el);
    else if (INLINE.has(el.localName ?? '')) out += runsText(el);
  }
  return out;
}

function runText(run: Element): string {
  if (isOn(path(run, 'rPr', 'vanish'))) return '';
  let out = '';
  for (const el of elements(run)) {
    switch (el.localName) {
      case 't':
        out += el.textContent ?? '';
        break;
      case 'tab':
      case 'ptab':
        out += ' ';
        break;
      case 'br':
        out += ['page', 'column'].includes(attr(el, 'type') ?? '') ? '' : '\n';
        break;
      case 'cr':
        out += '\n';
        break;
      case 'noBreakHyphen':
        out += '-';
        break;
      case 'sym': {
        const code = Number.parseInt(attr(el, 'char') ?? '', 16);
        // Symbol-font code points (F000–F0FF) have no Unicode meaning.
        if (code >= 0x20 && (code < 0xe000 || code > 0xf8ff)) out += String.fromCodePoint(code);
        break;
      }
    }
  }
  return out;
}
