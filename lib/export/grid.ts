import type { ReportContent } from "@/lib/report/content";
import { tableLayout, type HeaderCell, type LabelCell } from "@/lib/report/layout";
import { formatCellValue } from "@/lib/report/parse-value";
import type { ColumnSpec, TableSpec } from "@/lib/report/spec-types";
import { sanitizeLine } from "./sanitize";

/**
 * A table of the report as an explicit grid, from `tableLayout` (the one description of merged
 * headers and row groups that the editor also draws from). Every row lists what occupies each grid
 * column from left to right: a cell starting in this row, or the continuation of a cell merged down
 * from a row above. The HTML renderer writes the starting cells with colspan/rowspan; the DOCX
 * renderer writes both, as `w:gridSpan` and `w:vMerge` restart/continue (docx's own rowSpan
 * misplaces cells after a merged leading column — docx issue 695).
 */
export type CellRole = "caption" | "header" | "group" | "label" | "value";

export interface GridCell {
  text: string;
  role: CellRole;
  colSpan: number;
  rowSpan: number;
  /** Header scope for HTML `th`: caption and spanning headers colgroup, leaf headers col, row labels row. */
  scope: "col" | "colgroup" | "row" | null;
  /** The leaf column of a header or value cell. */
  column?: ColumnSpec;
}

export interface GridSegment {
  cell: GridCell;
  /** First grid column the cell covers. */
  col: number;
  /** false where the cell starts; true in the rows below that it is merged into. */
  continued: boolean;
}

export interface GridRow {
  /** Caption and column-header rows: drawn in 黑体 and repeated at the top of each page. */
  header: boolean;
  segments: GridSegment[];
}

export interface TableGrid {
  table: TableSpec;
  columnCount: number;
  labelColumns: number;
  /** Whether row 0 is the caption row (第二十条第（一）项), which HTML writes as `<caption>`. */
  hasCaptionRow: boolean;
  rows: GridRow[];
}

function headerCell(h: HeaderCell, role: CellRole, columns: ColumnSpec[]): GridCell {
  const column = h.columnKey ? columns.find((c) => c.key === h.columnKey) : undefined;
  return { text: sanitizeLine(h.text), role, colSpan: h.colSpan, rowSpan: h.rowSpan, scope: h.scope, column };
}

function labelCell(l: LabelCell): GridCell {
  return { text: sanitizeLine(l.text), role: l.isGroup ? "group" : "label", colSpan: l.colSpan, rowSpan: l.rowSpan, scope: "row" };
}

/** The printed text of a value cell: counts and amounts as typed (amounts exact), blank for null. */
export function cellText(value: ReportContent["tables"][string][string][string], column: ColumnSpec): string {
  return sanitizeLine(formatCellValue(value ?? null, column.kind));
}

export function tableGrid(table: TableSpec, content: ReportContent): TableGrid {
  const layout = tableLayout(table);
  const columnCount = layout.labelColumns + table.columns.length;
  const source: { header: boolean; cells: GridCell[] }[] = [];
  if (layout.captionRow) source.push({ header: true, cells: [headerCell(layout.captionRow, "caption", table.columns)] });
  for (const row of layout.headerRows) source.push({ header: true, cells: row.map((h) => headerCell(h, "header", table.columns)) });
  const values = content.tables[table.id] ?? {};
  for (const body of layout.bodyRows) {
    const cells = body.labelCells.map(labelCell);
    for (const column of table.columns) {
      cells.push({ text: cellText(values[body.row.key]?.[column.key] ?? null, column), role: "value", colSpan: 1, rowSpan: 1, scope: null, column });
    }
    source.push({ header: false, cells });
  }

  // Place the cells as the HTML table model does: each in the first grid column not yet covered.
  const covered: ({ cell: GridCell; row: number; col: number } | undefined)[][] = source.map(() => new Array(columnCount));
  source.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < columnCount && covered[r][c]) c++;
      if (c + cell.colSpan > columnCount || r + cell.rowSpan > source.length) {
        throw new Error(`table ${table.id}: cell “${cell.text}” does not fit the grid at row ${r}, column ${c}`);
      }
      for (let i = 0; i < cell.rowSpan; i++) for (let j = 0; j < cell.colSpan; j++) covered[r + i][c + j] = { cell, row: r, col: c };
      c += cell.colSpan;
    }
  });

  const rows: GridRow[] = source.map((row, r) => {
    const segments: GridSegment[] = [];
    for (let c = 0; c < columnCount; ) {
      const slot = covered[r][c];
      if (!slot) throw new Error(`table ${table.id}: grid column ${c} of row ${r} is empty`);
      segments.push({ cell: slot.cell, col: c, continued: slot.row !== r });
      c += slot.cell.colSpan;
    }
    return { header: row.header, segments };
  });
  return { table, columnCount, labelColumns: layout.labelColumns, hasCaptionRow: Boolean(layout.captionRow), rows };
}

/**
 * Grid column widths summing to `total` (twips for the DOCX, where WPS lays tables out from the
 * grid rather than the table width — docx issue 272; shares for the HTML's <col>). Tables with one
 * label column or none share the width equally, like the official templates; 三's label columns
 * get a narrow group column, a middle one and a wide one for the row labels.
 */
export function columnWidths(grid: TableGrid, total: number): number[] {
  const spread = (sum: number, count: number) =>
    Array.from({ length: count }, (_, i) => Math.floor(sum / count) + (i < sum % count ? 1 : 0));
  if (grid.labelColumns <= 1) return spread(total, grid.columnCount);
  const values = grid.columnCount - grid.labelColumns;
  const valueTotal = Math.floor(total * 0.55);
  const labels = total - valueTotal;
  const label = [Math.floor(labels * 0.16)];
  for (let i = 1; i < grid.labelColumns - 1; i++) label.push(Math.floor(labels * 0.26));
  label.push(labels - label.reduce((a, b) => a + b, 0));
  return [...label, ...spread(valueTotal, values)];
}
