import { listCells } from "@/lib/report/cells";
import { computeTotals } from "@/lib/report/compute-totals";
import type { ReportContent } from "@/lib/report/content";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { SAMPLE_REPORTS } from "@/lib/report/__fixtures__/sample-reports";

/**
 * The committed PDF fixtures: each made from one of our own reports by our own exporter, then
 * turned into a PDF the way portals do it (scripts/corpus/make-pdf-fixtures.ts regenerates them
 * with LibreOffice and Chromium; `<name>.txt` beside each is its `pdftotext -layout` text).
 * The tests compare what the importer reads with the report the PDF was made from.
 */
export type PdfRoute =
  /** DOCX export → LibreOffice, borders drawn as paths. */
  | "docx"
  /** The same with every table at 55 % width: labels wrap over two or three lines. */
  | "docx-narrow"
  /** The same without table borders: columns only by position. */
  | "docx-unruled"
  /** HTML export printed by Chromium. */
  | "html";

export interface PdfFixture {
  name: string;
  route: PdfRoute;
  content: () => ReportContent;
}

/** A full report with some cells left blank: a blank stays in its column, the figures after it do not move. */
export function fullReportWithBlanks(): ReportContent {
  const report = fullReport("2021");
  const cells = listCells("2021");
  for (const k of [1, 9, 14, 40, 41, 77, 120, 185]) {
    const c = cells[k % cells.length];
    report.tables[c.tableId][c.rowKey][c.columnKey] = null;
  }
  // The exporter prints totals as computed; the report they are compared with has the same.
  return computeTotals(report);
}

export const PDF_FIXTURES: PdfFixture[] = [
  { name: "full-2021", route: "docx", content: () => fullReport("2021") },
  { name: "full-2021-narrow", route: "docx-narrow", content: () => fullReport("2021") },
  { name: "full-2021-unruled", route: "docx-unruled", content: () => fullReport("2021") },
  { name: "full-2021-chromium", route: "html", content: () => fullReport("2021") },
  { name: "full-2019-narrow", route: "docx-narrow", content: () => fullReport("2019") },
  { name: "blanks-2021", route: "docx", content: fullReportWithBlanks },
  { name: "blanks-2021-unruled", route: "docx-unruled", content: fullReportWithBlanks },
  { name: "sample-hulan", route: "docx", content: () => SAMPLE_REPORTS.hulan },
  { name: "sample-xinwei-narrow", route: "docx-narrow", content: () => SAMPLE_REPORTS.xinwei },
  { name: "sample-xingan-chromium", route: "html", content: () => SAMPLE_REPORTS.xingan },
];

export const PDF_FIXTURE_DIR = "lib/import/__fixtures__/pdf";
