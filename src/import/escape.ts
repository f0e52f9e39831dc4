/**
 * Escapes characters that Markdown would read as markup, so plain text
 * survives as data: inline `\ * _ [ ] < > | ~ ` & #` anywhere, and a
 * line start that would open a list, quote, heading or code (`1.`, `-`, `+`).
 */
export function escapeText(text: string): string {
  let out = text.replace(/[\\`*_[\]<>|~&#]/g, (ch) => `\\${ch}`);
  out = out.replace(/^(\d{1,9})([.)])/, '$1\\$2');
  out = out.replace(/^([-+=])/, '\\$1');
  return out;
}
