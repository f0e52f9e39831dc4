/**
 * How a message names a place in the input, in its own words: a line and
 * column of a text file (`第 12 行第 3 列`), or, for text read from a Word or
 * PDF file, where that line is in the file (`第3页第12行`, `第45段`), since
 * the decoded text is never shown to the user.
 */
export type Where = (line: number, column?: number) => string;

export const textWhere: Where = (line, column) => (column === undefined ? `第 ${line} 行` : `第 ${line} 行第 ${column} 列`);

export function sourceWhere(locate: (line: number) => string): Where {
  return (line) => locate(line);
}
