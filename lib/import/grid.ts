import { ImportRefusedError } from "./import-refused-error";
import type { TableBlock } from "./types";

export interface GridCell {
  text: string;
  /** A position covered by a span of another cell (above or to the left); it carries no text of its own. */
  covered: boolean;
}

/**
 * Bounds of span placement, whatever reader the table comes from. The widest official table has 18
 * columns (three of labels, fifteen of values) and the longest about 30 rows, so a real report never
 * comes near them; a file beyond them is built to exhaust memory (a 42 KB page of
 * `<td colspan="1000" rowspan="1000">` grows the grid quadratically, row after row).
 */
export const GRID_LIMITS = {
  /** Wider spans are read as this wide (HTML itself allows 1000). */
  maxColSpan: 50,
  /** Taller spans are read as this tall; a span never reaches past the table's last row anyway. */
  maxRowSpan: 500,
  /** Positions of one table once its spans are placed (covered ones included). */
  maxTablePositions: 20_000,
} as const;

/** A span as placed: a whole number from 1 to `max` (0, negative or not a number is 1). */
export function clampSpan(span: number, max: number): number {
  return Number.isFinite(span) && span >= 1 ? Math.min(Math.floor(span), max) : 1;
}

/**
 * Place the cells of a table on a grid: each cell takes the next free position of its row and
 * occupies colSpan × rowSpan positions. Tables recovered from text have no spans and come back as given.
 * null once more than `maxPositions` positions would be needed.
 */
export function placeCells(
  table: TableBlock,
  maxPositions: number = GRID_LIMITS.maxTablePositions,
): GridCell[][] | null {
  if (!table.positional) {
    const cells = table.rows.reduce((n, r) => n + r.length, 0);
    return cells > maxPositions
      ? null
      : table.rows.map((r) => r.map((c) => ({ text: c.text, covered: false })));
  }
  const grid: GridCell[][] = [];
  let positions = 0;
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
      const colSpan = clampSpan(c.colSpan, GRID_LIMITS.maxColSpan);
      const rowSpan = clampSpan(c.rowSpan, GRID_LIMITS.maxRowSpan);
      if (positions + out.length + colSpan > maxPositions) return null;
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
    // Expired spans at the right end are dropped, so a row costs what it places, not the widest row's width.
    while (pending.length > 0 && !pending[pending.length - 1]) pending.pop();
    positions += out.length;
    if (positions > maxPositions) return null;
    grid.push(out);
  }
  return grid;
}

/** The grid of a table (see placeCells); a table past GRID_LIMITS is refused, never built. */
export function toGrid(table: TableBlock): GridCell[][] {
  const grid = placeCells(table);
  if (grid === null) throw new ImportRefusedError(tableTooLarge());
  return grid;
}

/** The refusal of a table whose spans need more positions than GRID_LIMITS allows. */
export function tableTooLarge(which = "文件中有一个表格"): string {
  return `${which}的单元格（含 colspan/rowspan 合并）展开后超过 ${GRID_LIMITS.maxTablePositions} 格，远超年度报告表格的规模，无法可靠读取；请检查该表格，或提供 DOCX。`;
}
