import { renderCsv } from "@/lib/export/csv";
import { SUMMARY_HEADER, summaryFields, type BatchSummaryRow } from "./summary";

/** The batch summary as CSV for Excel (UTF-8 with BOM, CRLF). */
export function summaryCsv(rows: readonly BatchSummaryRow[]): string {
  return renderCsv([[...SUMMARY_HEADER], ...rows.map(summaryFields)]);
}
