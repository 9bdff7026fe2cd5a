import type { BreakdownCell } from './views.js';

export interface Cell {
  key: string;
  value: number;
}

const byKey = (a: Cell, b: Cell) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Largest first, ties by key: the order of every breakdown. */
export function byValueThenKey(a: Cell, b: Cell): number {
  return b.value - a.value || byKey(a, b);
}

/**
 * Small-cell suppression for the donor (DOMAIN.md): below the threshold the breakdown is withheld
 * whole; otherwise cells from 1 to T-1 are suppressed, plus the smallest other cell when only one
 * was, so that the total cannot give it away. Suppressed cells go last, in key order, so their
 * place does not leak their size.
 */
export function suppress(
  total: number,
  cells: Cell[],
  threshold: number,
): { withheld: boolean; cells: BreakdownCell[] } {
  if (total < threshold) return { withheld: true, cells: [] };
  const small = new Set(cells.filter((c) => c.value >= 1 && c.value < threshold).map((c) => c.key));
  if (small.size === 1) {
    const others = cells.filter((c) => !small.has(c.key));
    const smallest = [...others].sort((a, b) => a.value - b.value || byKey(a, b))[0];
    if (smallest) small.add(smallest.key);
  }
  const shown = cells.filter((c) => !small.has(c.key)).sort(byValueThenKey);
  const hidden = cells.filter((c) => small.has(c.key)).sort(byKey);
  return {
    withheld: false,
    cells: [
      ...shown.map((c) => ({ key: c.key, value: c.value, suppressed: false })),
      ...hidden.map((c) => ({ key: c.key, value: null, suppressed: true })),
    ],
  };
}
