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
  /** "colgroup" for spanning headers, "col" for leaves and the corner. */
  scope: "col" | "colgroup";
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
  if (labelColumns > 0) rows[0].push({ text: table.rowHeader, colSpan: labelColumns, rowSpan: total, scope: "col" });
  const offset = table.columnsHeader ? 1 : 0;
  if (table.columnsHeader) {
    rows[0].push({ text: table.columnsHeader, colSpan: table.columns.length, rowSpan: 1, scope: "colgroup" });
  }
  for (let level = 0; level < depth; level++) {
    const row = rows[level + offset];
    for (let i = 0; i < table.columns.length; i++) {
      const column = table.columns[i];
      const groups = column.groups ?? [];
      if (groups.length === level) {
        row.push({ text: column.label, colSpan: 1, rowSpan: depth - level, columnKey: column.key, scope: "col" });
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
      if (previous && previousPath.length > level && samePrefix(previousPath, path, level)) continue;
      let span = 1;
      while (index + span < table.rows.length) {
        const nextGroups = table.rows[index + span].groups ?? [];
        if (nextGroups.length > level && samePrefix(nextGroups, path, level)) span++;
        else break;
      }
      cells.push({ text: path[level], colSpan: 1, rowSpan: span, isGroup: true });
    }
    cells.push({ text: row.label, colSpan: labelColumns - (path.length - 1), rowSpan: 1, isGroup: false });
    return { row, labelCells: cells };
  });
}

const cache = new WeakMap<TableSpec, TableLayout>();

export function tableLayout(table: TableSpec): TableLayout {
  const cached = cache.get(table);
  if (cached) return cached;
  const labelColumns = table.rows.some((r) => r.label) ? Math.max(...table.rows.map((r) => (r.groups?.length ?? 0) + 1)) : 0;
  const layout: TableLayout = {
    labelColumns,
    captionRow: table.caption
      ? { text: table.caption, colSpan: labelColumns + table.columns.length, rowSpan: 1, scope: "colgroup" }
      : null,
    headerRows: headerRows(table, labelColumns),
    bodyRows: bodyRows(table, labelColumns),
    columns: table.columns,
  };
  cache.set(table, layout);
  return layout;
}
