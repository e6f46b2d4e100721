import { db } from "@/lib/db/client";
import { parseReportContent, type ReportContent } from "@/lib/report/content";

/** Last year's report of the same organisation, if the system has it (for X1, X2, X8 and starting texts). */
export async function previousReportContent(
  organizationId: string,
  year: number,
): Promise<ReportContent | null> {
  const previous = await db().report.findUnique({
    where: { organizationId_year: { organizationId, year: year - 1 } },
    select: { content: true },
  });
  if (!previous) return null;
  const parsed = parseReportContent(previous.content);
  return parsed.success ? parsed.data : null;
}
