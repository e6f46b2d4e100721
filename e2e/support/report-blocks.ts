import { getFormat } from "../../lib/report/formats";
import type { TableSpec } from "../../lib/report/spec-types";

/** Test data: a consistent 2021 report, as the tab-separated blocks a user copies from Excel. */
export const requestsTable = getFormat("2021")
  .sections.flatMap((s) => s.tables)
  .find((t) => t.id === "requests")! as TableSpec;

const typed: Record<string, Record<string, number>> = {
  new: { natural: 13, commercial: 2 },
  carried: { natural: 1 },
  r1: { natural: 4, commercial: 2 },
  r2: { natural: 5 },
  r4_1: { natural: 3 },
  r4_3: { natural: 1 },
  carryover: { natural: 1 },
};

/** 25 rows × 7 columns in docs/format.md order, totals included as a spreadsheet would have them. */
export function requestsValues(): number[][] {
  const rows = requestsTable.rows.map((row) =>
    requestsTable.columns.map((column) =>
      column.computed ? 0 : (typed[row.key]?.[column.key] ?? 0),
    ),
  );
  const totalColumn = requestsTable.columns.findIndex((c) => c.computed);
  for (const row of rows)
    row[totalColumn] = row.reduce((sum, v, j) => (j === totalColumn ? sum : sum + v), 0);
  const totalRow = requestsTable.rows.findIndex((r) => r.computed);
  const outcomeRows = requestsTable.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.groups?.[0] === "三、本年度办理结果" && !r.computed);
  rows[totalRow] = rows[0].map((_, j) => outcomeRows.reduce((sum, { i }) => sum + rows[i][j], 0));
  return rows;
}

export const tsv = (rows: (string | number)[][]) => rows.map((r) => r.join("\t")).join("\n");
