import type { TableBlock } from "./types";

export interface GridCell {
  text: string;
  /** A position covered by a span of another cell (above or to the left); it carries no text of its own. */
  covered: boolean;
}

const MAX_SPAN = 1000;

/**
 * Place the cells of a table on a grid: each cell takes the next free position of its row and
 * occupies colSpan × rowSpan positions. Tables recovered from text have no spans and come back as given.
 */
export function toGrid(table: TableBlock): GridCell[][] {
  if (!table.positional) return table.rows.map((r) => r.map((c) => ({ text: c.text, covered: false })));
  const grid: GridCell[][] = [];
  // pending[col] = number of further rows that a cell above still covers at this column.
  const pending: number[] = [];
  for (const sourceRow of table.rows) {
    const out: GridCell[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((pending[col] ?? 0) > 0) {
        out.push({ text: "", covered: true });
        pending[col]--;
        col++;
      }
    };
    for (const c of sourceRow) {
      skipCovered();
      const colSpan = clamp(c.colSpan);
      const rowSpan = clamp(c.rowSpan);
      for (let k = 0; k < colSpan; k++) {
        out.push({ text: k === 0 ? c.text : "", covered: k > 0 });
        if (rowSpan > 1) pending[col] = Math.max(pending[col] ?? 0, rowSpan - 1);
        col++;
      }
    }
    // Spans from above that reach past the last cell of this row.
    for (let k = col; k < pending.length; k++) {
      if ((pending[k] ?? 0) > 0) {
        while (out.length < k) out.push({ text: "", covered: false });
        out.push({ text: "", covered: true });
        pending[k]--;
      }
    }
    grid.push(out);
  }
  return grid;
}

function clamp(span: number): number {
  return Number.isFinite(span) && span >= 1 ? Math.min(Math.floor(span), MAX_SPAN) : 1;
}
