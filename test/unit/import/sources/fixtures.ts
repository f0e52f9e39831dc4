/** The checked-in office fixtures (test/fixtures/office, made by its make-fixtures.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function officePath(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/office/${name}`, import.meta.url));
}

export function officeFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(officePath(name)));
}

/** The decoded lines of a source, without the blank lines around tables. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
