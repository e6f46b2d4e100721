import type { CellValue, ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";

/**
 * A report's tables as plain arrays in the format's row and column order, for tests, the CLI's
 * --json and comparisons: counts as numbers, amounts as decimal strings, blanks null.
 *  - active: each table of 二 by id ("20.1" … "20.8", 2019 also "20.9"), rows × columns;
 *  - requests: 三's rows (25, 2019: 23) × 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计;
 *  - appeals: 四's 15 numbers (行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5).
 */
export interface TablesJson {
  active: Record<string, CellValue[][]>;
  requests: CellValue[][];
  appeals: CellValue[];
}

export function toTablesJson(content: ReportContent): TablesJson {
  const format = getFormat(content.format);
  const rowsOf = (tableId: string): CellValue[][] => {
    const table = format.sections.flatMap((s) => s.tables).find((t) => t.id === tableId);
    if (!table) return [];
    return table.rows.map((row) =>
      table.columns.map((col) => content.tables[table.id]?.[row.key]?.[col.key] ?? null),
    );
  };
  const active: Record<string, CellValue[][]> = {};
  for (const table of format.sections.find((s) => s.key === "s2")?.tables ?? [])
    active[table.id] = rowsOf(table.id);
  return { active, requests: rowsOf("requests"), appeals: rowsOf("appeals")[0] ?? [] };
}
