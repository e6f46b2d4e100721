import { listCells } from "./cells";
import { computeTotals } from "./compute-totals";
import { emptyReport, type CellValue, type ReportContent, type ReportMeta } from "./content";
import { sumDecimals } from "./decimal";
import { parseCellInput } from "./parse-value";
import type { Finding } from "./rules";
import type { FormatId } from "./spec-types";
import { validate } from "./validate";

/** A cell of one of the summed reports that is not a number: the sum of that cell is unknown. */
export interface UnreadableCell {
  /** Index of the report in the list given. */
  part: number;
  /** Cell id (`requests.new.natural`). */
  cell: string;
  raw: CellValue;
}

export interface Rollup {
  /** The sum, computed totals filled in (A2–A6 hold by construction; A1 is what is left to check). */
  content: ReportContent;
  /** The arithmetic rules (A1–A6) checked on the sum. */
  findings: Finding[];
  unreadable: UnreadableCell[];
}

/**
 * The tables (二, 三, 四) of several reports of one format, summed cell by cell: counts as whole
 * numbers, amounts exactly (sumDecimals). A cell stays blank only if it is blank in every report;
 * one that does not parse in any report makes its sum unknown (blank, and listed in `unreadable`).
 * Only typed cells are summed — the totals of the sum are recomputed from them, so a report's own
 * stated totals (imported reports have them) never enter it. Narratives are not summed.
 */
export function rollupReports(
  format: FormatId,
  parts: readonly Pick<ReportContent, "format" | "tables">[],
  meta: Partial<ReportMeta> & { organization: string; year: number },
): Rollup {
  for (const part of parts) {
    if (part.format !== format)
      throw new Error(`cannot sum a ${part.format}-format report into a ${format}-format roll-up`);
  }
  const sum = emptyReport(format, meta);
  const unreadable: UnreadableCell[] = [];
  for (const cell of listCells(format)) {
    if (cell.computed) continue;
    const values: (number | string)[] = [];
    let unknown = false;
    parts.forEach((part, index) => {
      const raw = part.tables[cell.tableId]?.[cell.rowKey]?.[cell.columnKey] ?? null;
      const parsed = parseCellInput(raw, cell.kind);
      if (!parsed.ok) {
        unknown = true;
        unreadable.push({ part: index, cell: cell.id, raw });
      } else if (parsed.value !== null) {
        values.push(parsed.value);
      }
    });
    let total: CellValue = null;
    if (!unknown && values.length) {
      total =
        cell.kind === "amount"
          ? sumDecimals(values.map(String))
          : (values as number[]).reduce((a, b) => a + b, 0);
    }
    sum.tables[cell.tableId][cell.rowKey][cell.columnKey] = total;
  }
  const content = computeTotals(sum);
  const findings = validate(content).filter((f) => f.rule.startsWith("A"));
  return { content, findings, unreadable };
}
