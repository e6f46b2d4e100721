import type { ColumnSpec, RowSpec, TableSpec } from "./spec-types";

/**
 * The printed shape of a table — merged header cells and merged row-group cells — derived from the
 * format description. The editor, the HTML and the DOCX renderers all draw from this one grid.
 */
export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Set on a leaf column header. */
  columnKey?: string;
  /** The column's shorter header, where the format gives one. */
  short?: string;
  /** "colgroup" for spanning headers, "col" for leaves and the corner. */
  scope: "col" | "colgroup";
  /** The corner holds the table's note (三's 勾稽关系), which heads nothing. */
  note?: boolean;
}

export interface LabelCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** A group heading (三、本年度办理结果, （三）不予公开 …) rather than the row's own label. */
  isGroup: boolean;
}

export interface BodyRow {
  row: RowSpec;
  labelCells: LabelCell[];
}

export interface TableLayout {
  /** Number of grid columns taken by row labels (0 for 四). */
  labelColumns: number;
  /** A row above the header spanning the whole table (第二十条第（一）项), if any. */
  captionRow: HeaderCell | null;
  headerRows: HeaderCell[][];
  bodyRows: BodyRow[];
  columns: ColumnSpec[];
}

function samePrefix(a: string[], b: string[], depth: number): boolean {
  for (let i = 0; i <= depth; i++) if (a[i] !== b[i]) return false;
  return true;
}

function headerRows(table: TableSpec, labelColumns: number): HeaderCell[][] {
  const depth = Math.max(0, ...table.columns.map((c) => c.groups?.length ?? 0)) + 1;
  const total = depth + (table.columnsHeader ? 1 : 0);
  const rows: HeaderCell[][] = Array.from({ length: total }, () => []);
  // The merged corner above the row labels holds the row header (信息内容) or, in 三, the 勾稽关系
  // note: the official table prints the note there, as its first cell.
  if (labelColumns > 0) {
    const note = !table.rowHeader && Boolean(table.note);
    rows[0].push({
      text: note ? table.note! : table.rowHeader,
      colSpan: labelColumns,
      rowSpan: total,
      scope: "col",
      note: note || undefined,
    });
  }
  const offset = table.columnsHeader ? 1 : 0;
  if (table.columnsHeader) {
    rows[0].push({
      text: table.columnsHeader,
      colSpan: table.columns.length,
      rowSpan: 1,
      scope: "colgroup",
    });
  }
  for (let level = 0; level < depth; level++) {
    const row = rows[level + offset];
    for (let i = 0; i < table.columns.length; i++) {
      const column = table.columns[i];
      const groups = column.groups ?? [];
      if (groups.length === level) {
        row.push({
          text: column.label,
          short: column.short,
          colSpan: 1,
          rowSpan: depth - level,
          columnKey: column.key,
          scope: "col",
        });
      } else if (groups.length > level) {
        const previous = table.columns[i - 1]?.groups ?? [];
        if (i > 0 && previous.length > level && samePrefix(previous, groups, level)) continue;
        let span = 1;
        while (i + span < table.columns.length) {
          const next = table.columns[i + span].groups ?? [];
          if (next.length > level && samePrefix(next, groups, level)) span++;
          else break;
        }
        row.push({ text: groups[level], colSpan: span, rowSpan: 1, scope: "colgroup" });
      }
    }
  }
  return rows;
}

function bodyRows(table: TableSpec, labelColumns: number): BodyRow[] {
  return table.rows.map((row, index) => {
    if (labelColumns === 0) return { row, labelCells: [] };
    const path = [...(row.groups ?? []), row.label];
    const cells: LabelCell[] = [];
    for (let level = 0; level < path.length - 1; level++) {
      const previous = table.rows[index - 1];
      const previousPath = previous ? [...(previous.groups ?? [])] : [];
      if (previous && previousPath.length > level && samePrefix(previousPath, path, level))
        continue;
      let span = 1;
      while (index + span < table.rows.length) {
        const nextGroups = table.rows[index + span].groups ?? [];
        if (nextGroups.length > level && samePrefix(nextGroups, path, level)) span++;
        else break;
      }
      cells.push({ text: path[level], colSpan: 1, rowSpan: span, isGroup: true });
    }
    cells.push({
      text: row.label,
      colSpan: labelColumns - (path.length - 1),
      rowSpan: 1,
      isGroup: false,
    });
    return { row, labelCells: cells };
  });
}

const cache = new WeakMap<TableSpec, TableLayout>();

export function tableLayout(table: TableSpec): TableLayout {
  const cached = cache.get(table);
  if (cached) return cached;
  const labelColumns = table.rows.some((r) => r.label)
    ? Math.max(...table.rows.map((r) => (r.groups?.length ?? 0) + 1))
    : 0;
  const layout: TableLayout = {
    labelColumns,
    captionRow: table.caption
      ? {
          text: table.caption,
          colSpan: labelColumns + table.columns.length,
          rowSpan: 1,
          scope: "colgroup",
        }
      : null,
    headerRows: headerRows(table, labelColumns),
    bodyRows: bodyRows(table, labelColumns),
    columns: table.columns,
  };
  cache.set(table, layout);
  return layout;
}

/**
 * A table as it is printed: one of the format's tables alone (三, 四), or — where a section holds
 * several captioned tables of one row header, as 二's 第二十条 items do — all of them as ONE table
 * as wide as the widest: per item a full-width caption row, its header row and its data rows, a
 * value cell of a narrower item spanning the spare columns (a single value spans all of them).
 */
export type PrintedRole = "caption" | "header" | "note" | "group" | "label" | "value";

export interface PrintedCell {
  text: string;
  role: PrintedRole;
  colSpan: number;
  rowSpan: number;
  /** Header scope for HTML `th`: spanning headers colgroup, leaves and the corner col, row labels row. */
  scope: "col" | "colgroup" | "row" | null;
  /** The table and leaf column of a header or value cell; the row of a value cell. */
  table: TableSpec;
  column?: ColumnSpec;
  row?: RowSpec;
}

export interface PrintedRow {
  /** Rows at the top of the table that repeat on every page. */
  repeat: boolean;
  /** A caption or item header row: printed on the same page as the row after it. */
  keepWithNext: boolean;
  cells: PrintedCell[];
}

export interface PrintedTable {
  /** The format's table id, or the ids joined by `+` for a combined table. */
  id: string;
  tables: TableSpec[];
  labelColumns: number;
  columnCount: number;
  rows: PrintedRow[];
}

/** Grid columns per value column when `count` values share `width` columns: the last takes the rest. */
export function valueSpans(count: number, width: number): number[] {
  const base = Math.floor(width / count);
  return Array.from({ length: count }, (_, i) =>
    i === count - 1 ? width - base * (count - 1) : base,
  );
}

function valueCells(table: TableSpec, row: RowSpec, spans: number[]): PrintedCell[] {
  return table.columns.map((column, i) => ({
    text: "",
    role: "value",
    colSpan: spans[i],
    rowSpan: 1,
    scope: null,
    table,
    column,
    row,
  }));
}

function singleTable(table: TableSpec): PrintedTable {
  const layout = tableLayout(table);
  const columnCount = layout.labelColumns + table.columns.length;
  const ones = table.columns.map(() => 1);
  const rows: PrintedRow[] = [];
  const header = (h: HeaderCell, role: PrintedRole): PrintedCell => ({
    text: h.text,
    role,
    colSpan: h.colSpan,
    rowSpan: h.rowSpan,
    scope: h.scope,
    table,
    column: h.columnKey ? table.columns.find((c) => c.key === h.columnKey) : undefined,
  });
  if (layout.captionRow)
    rows.push({ repeat: true, keepWithNext: true, cells: [header(layout.captionRow, "caption")] });
  for (const h of layout.headerRows)
    rows.push({
      repeat: true,
      keepWithNext: true,
      cells: h.map((c) => header(c, c.note ? "note" : "header")),
    });
  for (const body of layout.bodyRows) {
    const labels: PrintedCell[] = body.labelCells.map((l) => ({
      text: l.text,
      role: l.isGroup ? "group" : "label",
      colSpan: l.colSpan,
      rowSpan: l.rowSpan,
      scope: "row",
      table,
    }));
    rows.push({
      repeat: false,
      keepWithNext: false,
      cells: [...labels, ...valueCells(table, body.row, ones)],
    });
  }
  return { id: table.id, tables: [table], labelColumns: layout.labelColumns, columnCount, rows };
}

/** Whether a section's tables print as one: several tables, each a captioned item with one row-label column. */
function combines(tables: TableSpec[]): boolean {
  return (
    tables.length > 1 &&
    tables.every(
      (t) =>
        t.caption && t.rowHeader && !t.columnsHeader && t.columns.every((c) => !c.groups?.length),
    )
  );
}

function combinedTable(tables: TableSpec[]): PrintedTable {
  const width = Math.max(...tables.map((t) => t.columns.length));
  const rows: PrintedRow[] = [];
  for (const table of tables) {
    const spans = valueSpans(table.columns.length, width);
    rows.push({
      repeat: false,
      keepWithNext: true,
      cells: [
        {
          text: table.caption,
          role: "caption",
          colSpan: width + 1,
          rowSpan: 1,
          scope: "colgroup",
          table,
        },
      ],
    });
    rows.push({
      repeat: false,
      keepWithNext: true,
      cells: [
        { text: table.rowHeader, role: "header", colSpan: 1, rowSpan: 1, scope: "col", table },
        ...table.columns.map((column, i): PrintedCell => ({
          text: column.label,
          role: "header",
          colSpan: spans[i],
          rowSpan: 1,
          scope: "col",
          table,
          column,
        })),
      ],
    });
    for (const row of table.rows) {
      rows.push({
        repeat: false,
        keepWithNext: false,
        cells: [
          { text: row.label, role: "label", colSpan: 1, rowSpan: 1, scope: "row", table },
          ...valueCells(table, row, spans),
        ],
      });
    }
  }
  return {
    id: tables.map((t) => t.id).join("+"),
    tables,
    labelColumns: 1,
    columnCount: width + 1,
    rows,
  };
}

const printedCache = new WeakMap<TableSpec[], PrintedTable[]>();

/** The tables of a section as they are printed (DOCX, HTML, every read-only view). */
export function printedTables(tables: TableSpec[]): PrintedTable[] {
  const cached = printedCache.get(tables);
  if (cached) return cached;
  const printed = combines(tables) ? [combinedTable(tables)] : tables.map(singleTable);
  printedCache.set(tables, printed);
  return printed;
}

/** One of the format's tables printed alone, in its own shape (the roll-up workbook, the editor). */
export function printedTable(table: TableSpec): PrintedTable {
  return singleTable(table);
}
