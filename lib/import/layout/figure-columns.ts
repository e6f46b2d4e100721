import type { Cell } from "./cells";

/**
 * Columns of figures in text laid out on a character grid (pdftotext): a tool rounds each figure to
 * a character column of its own, so the figures of one column drift a few characters from row to
 * row, sometimes further than the space between two columns. Overlap cannot tell the columns apart
 * then; their order can. Rows that print every figure give the columns (the n-th figure of each is
 * in the n-th column); a row with blanks puts its figures, in order, in the columns nearest to them.
 */
export interface FigureColumn {
  x0: number;
  x1: number;
  /** Mean middle of the column's figures in the complete rows. */
  mid: number;
}

/** The columns of the rows with the most figures, or null when no row has more than one. */
export function columnsOfCompleteRows(rows: Cell[][]): FigureColumn[] | null {
  const n = rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (n < 2) return null;
  const complete = rows.filter((r) => r.length === n);
  return Array.from({ length: n }, (_, j) => {
    const cells = complete.map((r) => r[j]);
    return {
      x0: Math.min(...cells.map((c) => c.x0)),
      x1: Math.max(...cells.map((c) => c.x1)),
      mid: cells.reduce((s, c) => s + (c.x0 + c.x1) / 2, 0) / cells.length,
    };
  });
}

/**
 * The column of each figure of a row, keeping their order: the assignment with the least total
 * distance between a figure's middle and its column's (dynamic programming over figures × columns).
 */
export function placeInOrder(figures: Cell[], columns: FigureColumn[]): number[] {
  const m = figures.length;
  const n = columns.length;
  if (m === 0) return [];
  if (m >= n) return figures.map((_, i) => i);
  const mid = (c: Cell) => (c.x0 + c.x1) / 2;
  // cost[i][j]: the least cost of placing figures 0..i with figure i in column j.
  const cost: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(Infinity));
  const from: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(-1));
  for (let j = 0; j <= n - m; j++) cost[0][j] = Math.abs(mid(figures[0]) - columns[j].mid);
  for (let i = 1; i < m; i++) {
    let best = Infinity;
    let bestAt = -1;
    for (let j = i; j <= n - m + i; j++) {
      if (cost[i - 1][j - 1] < best) {
        best = cost[i - 1][j - 1];
        bestAt = j - 1;
      }
      cost[i][j] = best + Math.abs(mid(figures[i]) - columns[j].mid);
      from[i][j] = bestAt;
    }
  }
  let j = -1;
  let least = Infinity;
  for (let k = m - 1; k < n; k++) {
    if (cost[m - 1][k] < least) {
      least = cost[m - 1][k];
      j = k;
    }
  }
  const out = new Array<number>(m);
  for (let i = m - 1; i >= 0; i--) {
    out[i] = j;
    j = from[i][j];
  }
  return out;
}
