import type { KeyboardEvent } from 'react';

const MOVES: Record<string, [columns: number, rows: number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

/**
 * The board by keyboard: from the board itself an arrow key enters its first card; then up and down
 * move within a stage, left and right to the nearest stage with cards, at the same height or its last.
 */
export function moveBetweenCards(event: KeyboardEvent<HTMLElement>): void {
  const move = MOVES[event.key];
  if (!move) return;
  const columns = [...event.currentTarget.querySelectorAll('[role="list"]')]
    .map((list) => [...list.querySelectorAll<HTMLAnchorElement>('a[href]')])
    .filter((links) => links.length > 0);
  const active = document.activeElement;
  const column = columns.findIndex((links) => links.some((link) => link === active));
  let target: HTMLAnchorElement | undefined;
  if (column < 0) target = columns[0]?.[0];
  else {
    const row = columns[column].findIndex((link) => link === active);
    const links = columns[column + move[0]];
    if (links) target = links[Math.min(Math.max(row + move[1], 0), links.length - 1)];
  }
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
