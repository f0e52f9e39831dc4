/**
 * Writes the document outline (bookmarks). pdf-lib has no outline API, so
 * this builds the /Outlines dictionary and its items from low-level objects:
 * each item has /Title, /Parent, /Prev, /Next and an /XYZ destination.
 */
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';

export interface Bookmark {
  title: string;
  page: number; // 0-based
  y: number; // PDF user space, from the bottom
}

export function addOutline(pdf: PDFDocument, bookmarks: Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const { context } = pdf;
  const pages = pdf.getPages();
  const rootRef = context.nextRef();
  const refs: PDFRef[] = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((mark, i) => {
    const dest = PDFArray.withContext(context);
    dest.push(pages[mark.page]!.ref);
    dest.push(PDFName.of('XYZ'));
    dest.push(PDFNull);
    dest.push(PDFNumber.of(Math.round(mark.y)));
    dest.push(PDFNull);
    const item = context.obj({ Title: PDFHexString.fromText(mark.title), Parent: rootRef, Dest: dest });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    context.assign(refs[i]!, item);
  });
  const root = context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs.at(-1)!, Count: refs.length });
  context.assign(rootRef, root);
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
