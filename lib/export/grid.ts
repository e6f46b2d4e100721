import type { ReportContent } from "@/lib/report/content";
import { cellId } from "@/lib/report/cells";
import { computeTotals } from "@/lib/report/compute-totals";
import {
  printedTable,
  printedTables,
  type PrintedCell,
  type PrintedRole,
  type PrintedTable,
} from "@/lib/report/layout";
import { formatCellValue } from "@/lib/report/parse-value";
import type { ColumnSpec, SectionSpec, TableSpec } from "@/lib/report/spec-types";
import { sanitizeLine } from "./sanitize";

/**
 * A printed table (`printedTables` of lib/report/layout.ts, the one description of merged headers,
 * row groups and 二's combined items that the editor also draws from) as an explicit grid with its
 * values. Every row lists what occupies each grid column from left to right: a cell starting in this
 * row, or the continuation of a cell merged down from a row above. The HTML and the React views
 * write the starting cells with colspan/rowspan; the DOCX writes both, as `w:gridSpan` and
 * `w:vMerge` restart/continue (docx's own rowSpan misplaces cells after a merged leading column —
 * docx issue 695).
 */
export type CellRole = PrintedRole;

export interface GridCell {
  text: string;
  role: CellRole;
  colSpan: number;
  rowSpan: number;
  /** Header scope for HTML `th`: caption and spanning headers colgroup, leaf headers col, row labels row. */
  scope: "col" | "colgroup" | "row" | null;
  /** The leaf column of a header or value cell. */
  column?: ColumnSpec;
  /** A value cell's id (`requests.new.total`). */
  cellId?: string;
  /** A value cell the report has no figure for: printed blank, and listed by the export. */
  blank?: boolean;
}

export interface GridSegment {
  cell: GridCell;
  /** First grid column the cell covers. */
  col: number;
  /** false where the cell starts; true in the rows below that it is merged into. */
  continued: boolean;
}

export interface GridRow {
  /** Header rows at the very top of the table: repeated at the top of each page. */
  header: boolean;
  /** A caption or item header row, kept on the page of the row after it. */
  keepWithNext: boolean;
  segments: GridSegment[];
}

export interface TableGrid {
  id: string;
  tables: TableSpec[];
  columnCount: number;
  labelColumns: number;
  rows: GridRow[];
}

/** The printed text of a value cell: counts and amounts as typed (amounts exact), blank for null. */
export function cellText(
  value: ReportContent["tables"][string][string][string],
  column: ColumnSpec,
): string {
  return sanitizeLine(formatCellValue(value ?? null, column.kind));
}

function gridCell(cell: PrintedCell, totalled: ReportContent): GridCell {
  const base = {
    role: cell.role,
    colSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    scope: cell.scope,
    column: cell.column,
  };
  if (cell.role !== "value" || !cell.row || !cell.column)
    return { ...base, text: sanitizeLine(cell.text) };
  const value = totalled.tables[cell.table.id]?.[cell.row.key]?.[cell.column.key] ?? null;
  const computed = Boolean(cell.row.computed || cell.column.computed);
  return {
    ...base,
    text: cellText(value, cell.column),
    cellId: cellId(cell.table.id, cell.row.key, cell.column.key),
    // A computed total is blank only when every cell it sums is: those are the ones listed.
    blank: value === null && !computed,
  };
}

/**
 * A printed table with the report's values; `totalled` is the content after computeTotals, so a
 * total is printed as computed from the cells it sums, whatever an import or an old draft stored.
 */
export function printedGrid(printed: PrintedTable, totalled: ReportContent): TableGrid {
  const { columnCount } = printed;
  const source = printed.rows.map((row) => ({
    row,
    cells: row.cells.map((c) => gridCell(c, totalled)),
  }));

  // Place the cells as the HTML table model does: each in the first grid column not yet covered.
  const covered: ({ cell: GridCell; row: number; col: number } | undefined)[][] = source.map(
    () => new Array(columnCount),
  );
  source.forEach(({ cells }, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < columnCount && covered[r][c]) c++;
      if (c + cell.colSpan > columnCount || r + cell.rowSpan > source.length) {
        throw new Error(
          `table ${printed.id}: cell “${cell.text}” does not fit the grid at row ${r}, column ${c}`,
        );
      }
      for (let i = 0; i < cell.rowSpan; i++)
        for (let j = 0; j < cell.colSpan; j++) covered[r + i][c + j] = { cell, row: r, col: c };
      c += cell.colSpan;
    }
  });

  let top = true;
  const rows: GridRow[] = source.map(({ row }, r) => {
    const segments: GridSegment[] = [];
    for (let c = 0; c < columnCount;) {
      const slot = covered[r][c];
      if (!slot) throw new Error(`table ${printed.id}: grid column ${c} of row ${r} is empty`);
      segments.push({ cell: slot.cell, col: c, continued: slot.row !== r });
      c += slot.cell.colSpan;
    }
    // Word and WPS repeat only rows at the very top of a table (docx issues 2425, 2310).
    top = top && row.repeat;
    return { header: top, keepWithNext: row.keepWithNext, segments };
  });
  return {
    id: printed.id,
    tables: printed.tables,
    columnCount,
    labelColumns: printed.labelColumns,
    rows,
  };
}

/** One of the format's tables alone, in its official shape (the roll-up workbook prints them so). */
export function tableGrid(table: TableSpec, content: ReportContent): TableGrid {
  return printedGrid(printedTable(table), computeTotals(content));
}

/** A section's tables as printed: 二 as one table, 三 and 四 each alone. */
export function sectionGrids(section: SectionSpec, totalled: ReportContent): TableGrid[] {
  return printedTables(section.tables).map((printed) => printedGrid(printed, totalled));
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
