import { db } from "@/lib/db/client";
import { parseReportContent, type ReportContent } from "@/lib/report/content";

export interface PublishedReport {
  organization: { name: string; fullName: string; slug: string };
  year: number;
  publishedOn: string | null;
  content: ReportContent;
}

/**
 * One PUBLISHED report, for the public page `/gk/<org>/<year>`. The status is part of the query:
 * a draft, a submitted or an approved report is not found, exactly like a year with no report.
 */
export async function getPublishedReport(slug: string, year: number): Promise<PublishedReport | null> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const report = await db().report.findFirst({
    where: { year, status: "PUBLISHED", organization: { slug } },
    select: { year: true, publishedOn: true, content: true, organization: { select: { name: true, fullName: true, slug: true } } },
  });
  if (!report) return null;
  const parsed = parseReportContent(report.content);
  if (!parsed.success) return null;
  return {
    organization: report.organization,
    year: report.year,
    publishedOn: report.publishedOn ? report.publishedOn.toISOString().slice(0, 10) : null,
    content: parsed.data,
  };
}
