import { getFormat } from "./formats";
import type { ColumnSpec, FormatId, RowSpec, TableSpec } from "./spec-types";

/**
 * The sums behind every computed cell, read off the format description (the `computed` flags):
 * - a computed column totals the typed columns since the previous computed column
 *   (三: 总计 = the six applicant columns; 四: each 总计 = its four outcomes);
 * - a computed row totals the typed rows under the same outermost group heading
 *   (三: （七）总计 = every outcome row under 三、本年度办理结果).
 */
export interface ColumnSum {
  table: TableSpec;
  total: ColumnSpec;
  operands: ColumnSpec[];
}

export interface RowSum {
  table: TableSpec;
  total: RowSpec;
  operands: RowSpec[];
}

export interface SumPlan {
  columnSums: ColumnSum[];
  rowSums: RowSum[];
}

function columnSums(table: TableSpec): ColumnSum[] {
  const sums: ColumnSum[] = [];
  let since: ColumnSpec[] = [];
  for (const column of table.columns) {
    if (column.computed) {
      sums.push({ table, total: column, operands: since });
      since = [];
    } else {
      since.push(column);
    }
  }
  return sums;
}

function rowSums(table: TableSpec): RowSum[] {
  return table.rows
    .filter((row) => row.computed)
    .map((total) => {
      const group = total.groups?.[0];
      return {
        table,
        total,
        operands: table.rows.filter((r) => !r.computed && r.groups?.[0] === group),
      };
    });
}

const cache = new Map<FormatId, SumPlan>();

export function sumPlan(formatId: FormatId): SumPlan {
  const cached = cache.get(formatId);
  if (cached) return cached;
  const tables = getFormat(formatId).sections.flatMap((s) => s.tables);
  const plan = { columnSums: tables.flatMap(columnSums), rowSums: tables.flatMap(rowSums) };
  cache.set(formatId, plan);
  return plan;
}
