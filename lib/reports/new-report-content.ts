import { emptyReport, type ReportContent } from "@/lib/report/content";
import { formatIdForYear } from "@/lib/report/formats";
import type { OrgLevel } from "@/lib/db/generated/enums";
import { isPeoplesGovernment } from "@/lib/orgs/labels";

/** An empty report of the right format for the year, with what the system knows of the unit filled in. */
export function newReportContent(
  org: { fullName: string; level: OrgLevel },
  year: number,
): ReportContent {
  return emptyReport(formatIdForYear(year), {
    organization: org.fullName,
    year,
    isPeoplesGovernment: isPeoplesGovernment(org.level),
    issuingOrgan: org.fullName,
  });
}
