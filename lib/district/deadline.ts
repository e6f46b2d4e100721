import type { OrgLevel, ReportStatus } from "@/lib/db/generated/enums";
import { isPeoplesGovernment } from "@/lib/orgs/labels";
import { chinaDate, publicationDeadline } from "@/lib/report/deadline";

export { chinaDate };

/** A unit's publication deadline for `year`, by the kind of organisation it is. */
export function reportDeadline(year: number, level: OrgLevel): string {
  return publicationDeadline(year, isPeoplesGovernment(level));
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Whole days from today (China) to the deadline: 0 on the day itself, negative once it has passed. */
export function daysLeft(deadline: string, now: Date): number {
  return dayNumber(deadline) - dayNumber(chinaDate(now));
}

export type DeadlineTone = "done" | "late" | "overdue" | "urgent" | "open";

export interface DeadlineState {
  /** Days left for a report not yet published; null once published. */
  daysLeft: number | null;
  tone: DeadlineTone;
  /** What the dashboard prints: `还剩 12 天`, `今天截止`, `已逾期 3 天`, `已发布`, `逾期发布`. */
  text: string;
}

/** Within this many days of the deadline a report still unpublished is flagged. */
export const URGENT_DAYS = 14;

/**
 * Where a report stands against its deadline. Publication ends the count: a published report is on time
 * or late by its publication date (imported past reports may not record one: just 已发布).
 */
export function deadlineState(
  report: { status: ReportStatus | null; publishedOn: string | null },
  deadline: string,
  now: Date,
): DeadlineState {
  if (report.status === "PUBLISHED") {
    if (report.publishedOn && report.publishedOn > deadline)
      return { daysLeft: null, tone: "late", text: "逾期发布" };
    return { daysLeft: null, tone: "done", text: report.publishedOn ? "按期发布" : "已发布" };
  }
  const left = daysLeft(deadline, now);
  if (left < 0) return { daysLeft: left, tone: "overdue", text: `已逾期 ${-left} 天` };
  if (left === 0) return { daysLeft: 0, tone: "urgent", text: "今天截止" };
  return { daysLeft: left, tone: left <= URGENT_DAYS ? "urgent" : "open", text: `还剩 ${left} 天` };
}
