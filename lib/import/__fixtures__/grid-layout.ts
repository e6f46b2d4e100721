import { getFormat } from "@/lib/report/formats";
import type { CellValue } from "@/lib/report/content";
import type { FormatId, TableSpec } from "@/lib/report/spec-types";
import type { TablesJson } from "../tables-json";

/**
 * The printed tables of a report laid out as a merged grid, the way Word's official template and
 * portal pages draw them: captions and headers spanning columns, 三、本年度办理结果 and （三）…（六）
 * spanning their rows, 法人或其他组织 over five columns, 行政复议/行政诉讼 over theirs.
 * Built here for test fixtures only, independently of any exporter; the DOCX and HTML fixtures
 * render the same layout with vMerge/gridSpan and rowspan/colspan.
 */
export interface LayoutCell {
  text: string;
  colSpan: number;
  /** Vertical merge in Word's terms: this cell starts one, or continues the one above. */
  vMerge?: "restart" | "continue";
  header?: boolean;
}

export interface LayoutTable {
  id: string;
  /** Number of grid columns. */
  columns: number;
  rows: LayoutCell[][];
}

const text = (v: CellValue): string => (v === null ? "" : String(v));

export function layoutTables(formatId: FormatId, data: TablesJson): LayoutTable[] {
  const format = getFormat(formatId);
  const out: LayoutTable[] = [];
  for (const table of format.sections.find((s) => s.key === "s2")!.tables) {
    const n = table.columns.length;
    const rows: LayoutCell[][] = [
      [{ text: table.caption, colSpan: n + 1, header: true }],
      [
        { text: table.rowHeader, colSpan: 1, header: true },
        ...table.columns.map((c) => ({ text: c.label, colSpan: 1, header: true })),
      ],
      ...table.rows.map((row, r) => [
        { text: row.label, colSpan: 1 },
        ...table.columns.map((_, c) => ({ text: text(data.active[table.id][r][c]), colSpan: 1 })),
      ]),
    ];
    out.push({ id: table.id, columns: n + 1, rows });
  }
  const requests = format.sections.find((s) => s.key === "s3")!.tables[0];
  out.push(requestsLayout(requests, data.requests));
  const appeals = format.sections.find((s) => s.key === "s4")!.tables[0];
  out.push({
    id: appeals.id,
    columns: appeals.columns.length,
    rows: [
      ...headerRows(appeals, 0, ""),
      appeals.columns.map((_, i) => ({ text: text(data.appeals[i]), colSpan: 1 })),
    ],
  });
  return out;
}

/** Header rows built from the columns' spanning groups; `labelColumns` leading columns carry `corner`. */
function headerRows(table: TableSpec, labelColumns: number, corner: string): LayoutCell[][] {
  const depth = Math.max(...table.columns.map((c) => (c.groups ?? []).length));
  const levels: LayoutCell[][] = [];
  const top = table.columnsHeader ? 1 : 0;
  const total = depth + 1 + top;
  for (let level = 0; level < total; level++) {
    const row: LayoutCell[] = [];
    if (labelColumns > 0)
      row.push({
        text: level === 0 ? corner : "",
        colSpan: labelColumns,
        vMerge: level === 0 ? "restart" : "continue",
        header: true,
      });
    if (level < top) {
      row.push({ text: table.columnsHeader!, colSpan: table.columns.length, header: true });
      levels.push(row);
      continue;
    }
    const l = level - top;
    for (let i = 0; i < table.columns.length;) {
      const groups = table.columns[i].groups ?? [];
      if (groups.length > l) {
        let j = i;
        while (j < table.columns.length && (table.columns[j].groups ?? [])[l] === groups[l]) j++;
        row.push({ text: groups[l], colSpan: j - i, header: true });
        i = j;
      } else if (groups.length === l) {
        row.push({
          text: table.columns[i].label,
          colSpan: 1,
          vMerge: l < depth ? "restart" : undefined,
          header: true,
        });
        i++;
      } else {
        row.push({ text: "", colSpan: 1, vMerge: "continue", header: true });
        i++;
      }
    }
    levels.push(row);
  }
  return levels;
}

function requestsLayout(table: TableSpec, values: CellValue[][]): LayoutTable {
  const labelColumns = Math.max(...table.rows.map((r) => (r.groups ?? []).length)) + 1;
  const rows = headerRows(table, labelColumns, table.note ?? "");
  let previous: string[] = [];
  table.rows.forEach((row, r) => {
    const groups = row.groups ?? [];
    const cells: LayoutCell[] = [];
    groups.forEach((g, level) => {
      const continues =
        previous[level] === g && groups.slice(0, level).every((x, k) => previous[k] === x);
      cells.push({
        text: continues ? "" : g,
        colSpan: 1,
        vMerge: continues ? "continue" : "restart",
      });
    });
    cells.push({ text: row.label, colSpan: labelColumns - groups.length });
    for (const v of values[r]) cells.push({ text: text(v), colSpan: 1 });
    rows.push(cells);
    previous = groups;
  });
  return { id: table.id, columns: labelColumns + table.columns.length, rows };
}

/** The same layout with HTML rowspans: a restart cell spans the continue cells below it. */
export function withRowSpans(
  table: LayoutTable,
): { text: string; colSpan: number; rowSpan: number; header?: boolean }[][] {
  const placed = table.rows.map((row) => {
    let col = 0;
    return row.map((cell) => {
      const at = col;
      col += cell.colSpan;
      return { ...cell, col: at, rowSpan: 1 };
    });
  });
  placed.forEach((row, r) => {
    for (const cell of row) {
      if (cell.vMerge !== "restart") continue;
      for (let below = r + 1; below < placed.length; below++) {
        const next = placed[below].find((c) => c.col === cell.col);
        if (next?.vMerge !== "continue") break;
        cell.rowSpan++;
      }
    }
  });
  return placed.map((row) =>
    row
      .filter((c) => c.vMerge !== "continue")
      .map(({ text, colSpan, rowSpan, header }) => ({ text, colSpan, rowSpan, header })),
  );
}
