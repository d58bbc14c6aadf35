import { visibleOnTerminal } from './terminal-text.js';

/** Columns as a terminal draws them: a Chinese character takes two. */
const widthOf = (text: string) => [...text].reduce((width, character) => width + (character.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

/** Rows under a header, padded to their columns; cells are shown, never obeyed by the terminal. */
export function textTable(header: string[], cells: string[][]): string[] {
  const rows = cells.map((row) => row.map((cell) => visibleOnTerminal(cell)));
  const widths = header.map((title, column) => Math.max(widthOf(title), ...rows.map((row) => widthOf(row[column]))));
  const line = (row: string[]) => row.map((cell, column) => cell + ' '.repeat(widths[column] - widthOf(cell))).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
}
