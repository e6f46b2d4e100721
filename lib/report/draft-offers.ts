import { draftYearsOffered, dueReportYear } from "./deadline";
import { formatIdForYear, getFormat } from "./formats";

/** A report's workflow state, as stored. */
export type ReportStatusName = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED";

export interface DraftOffer {
  year: number;
  /** The format the year's report uses, as users know it (`2021 年版格式`). */
  formatLabel: string;
  /** The report 以上年报告为基础 starts from: last year's, once approved or published; else none. */
  base: { year: number; status: ReportStatusName } | null;
}

/** Only a settled report is a base: a draft of last year may still change or be wrong. */
const BASE_STATUSES: readonly ReportStatusName[] = ["APPROVED", "PUBLISHED"];

/** What can be created for an organisation with these reports on `today`. */
export function draftOffers(
  reports: { year: number; status: ReportStatusName }[],
  peoplesGovernment: boolean,
  today: Date,
): DraftOffer[] {
  return draftYearsOffered(
    reports.map((r) => r.year),
    dueReportYear(today, peoplesGovernment),
  ).map((year) => {
    const base = reports.find((r) => r.year === year - 1 && BASE_STATUSES.includes(r.status));
    return {
      year,
      formatLabel: getFormat(formatIdForYear(year)).label,
      base: base ? { year: base.year, status: base.status } : null,
    };
  });
}
