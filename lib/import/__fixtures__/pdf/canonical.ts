import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { parseCellInput } from "@/lib/report/parse-value";

/** Stored values in their canonical form (an amount typed as the number 0 is the decimal "0"), as an import gives them. */
export function canonical(content: ReportContent): ReportContent {
  const copy = structuredClone(content);
  for (const table of getFormat(copy.format).sections.flatMap((s) => s.tables)) {
    for (const row of table.rows) {
      for (const column of table.columns) {
        const parsed = parseCellInput(copy.tables[table.id][row.key][column.key], column.kind);
        if (parsed.ok) copy.tables[table.id][row.key][column.key] = parsed.value;
      }
    }
  }
  return copy;
}
