import type { ReportStatus } from "@/lib/db/generated/enums";
import type { HistoryYear } from "./org-history";

/** A year on the charts: its report, or none (a gap between the first and the last year). */
export interface TimelineYear {
  year: number;
  report: HistoryYear | null;
  /** How the chart marks it: a report not yet approved (its figures may still change), or no report. */
  mark: "draft" | "missing" | null;
}

/** Statuses whose figures are final: a reviewer passed them. */
const FINAL: readonly ReportStatus[] = ["APPROVED", "PUBLISHED"];

/**
 * Every year from the first report to the last, so that a missing year shows as a gap rather than
 * two distant years side by side; reports not yet approved (drafts, and those in review or returned)
 * are marked as not final.
 */
export function historyTimeline(years: HistoryYear[]): TimelineYear[] {
  if (!years.length) return [];
  const byYear = new Map(years.map((y) => [y.year, y]));
  const first = years[0].year;
  const last = years[years.length - 1].year;
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const report = byYear.get(first + i) ?? null;
    return {
      year: first + i,
      report,
      mark: !report ? "missing" : FINAL.includes(report.status) ? null : "draft",
    };
  });
}
