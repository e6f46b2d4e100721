import { allTables, type ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { SAMPLE_REPORTS } from "@/lib/report/__fixtures__/sample-reports";
import type { FormatId } from "@/lib/report/spec-types";
import { generatedCases, type CorpusCase } from "./generated-reports";

/**
 * A full report with figures in every table and blank cells where a reader is most easily misled:
 * the only value of a row (行政许可), the first value after a label, a middle one, the last one,
 * and the first and last of 四's unlabeled row.
 */
export function fullReportWithBlanks(formatId: FormatId): ReportContent {
  const report = structuredClone(fullReport(formatId));
  const t = report.tables;
  t["20.5"].licensing.decisions = null;
  const [first20] = Object.keys(t["20.1"]);
  const columns20 = Object.keys(t["20.1"][first20]);
  t["20.1"][first20][columns20[1]] = null;
  t.requests.r1.natural = null;
  t.requests.carryover.other = null;
  t.requests.r5_2.total = null;
  t.appeals.row.rc_upheld = null;
  t.appeals.row.la_total = null;
  return report;
}

/** The contents every layout is tested on: the five samples' figures and the full reports with blanks. */
export function layoutContents(): { name: string; content: ReportContent }[] {
  return [
    ...Object.entries(SAMPLE_REPORTS).map(([name, content]) => ({
      name,
      content: withAmountsAsText(content),
    })),
    { name: "full 2021 with blanks", content: fullReportWithBlanks("2021") },
    { name: "full 2019 with blanks", content: fullReportWithBlanks("2019") },
  ];
}

/**
 * Every source report of the corpus: the samples' figures, the full reports with blanks, and the
 * generated reports that differ from the samples as real ones do (with their planted defects).
 */
export function corpusCases(): CorpusCase[] {
  return [
    ...layoutContents().map(({ name, content }) => ({ name, content, planted: [], edits: [] })),
    ...generatedCases().map((c) => ({ ...c, content: withAmountsAsText(c.content) })),
  ];
}

/** Amounts are stored as decimal strings; the samples' transcription writes their zeros as the number 0. */
function withAmountsAsText(content: ReportContent): ReportContent {
  const copy = structuredClone(content);
  for (const table of allTables(getFormat(copy.format))) {
    for (const column of table.columns) {
      if (column.kind !== "amount") continue;
      for (const row of table.rows) {
        const v = copy.tables[table.id][row.key][column.key];
        if (typeof v === "number") copy.tables[table.id][row.key][column.key] = String(v);
      }
    }
  }
  return copy;
}
