import type { AuthContext } from "@/lib/auth/context";
import { visibleOrganizationIds } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { isRecordId } from "@/lib/record-id";

export interface ReportPulse {
  version: number;
  /** Who wrote that version (null for a report nobody has saved since it was made). */
  actorId: string | null;
  actorName: string;
}

/**
 * A report's current version and who wrote it, for a caller who may see the report (a 404 otherwise):
 * what a reconnecting stream or a polling editor compares with its own version. Access is part of the
 * query, as everywhere.
 */
export async function readReportPulse(ctx: AuthContext, reportId: string): Promise<ReportPulse> {
  if (!isRecordId(reportId)) throw new NotFoundError();
  const report = await db().report.findFirst({
    where: { id: reportId, organizationId: { in: visibleOrganizationIds(ctx.access) } },
    select: { version: true, updatedBy: { select: { id: true, displayName: true } } },
  });
  if (!report) throw new NotFoundError();
  return {
    version: report.version,
    actorId: report.updatedBy?.id ?? null,
    actorName: report.updatedBy?.displayName ?? "",
  };
}
