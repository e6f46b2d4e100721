import type { AuthContext } from "@/lib/auth/context";
import { visibleOrganizationIds } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { parseReportContent } from "@/lib/report/content";
import { isRecordId } from "@/lib/record-id";

/** A report the caller may see; any other report — existing or not — is a 404. Access is part of the query. */
export async function getReportOrThrow(ctx: AuthContext, reportId: string) {
  if (!isRecordId(reportId)) throw new NotFoundError();
  const report = await db().report.findFirst({
    where: { id: reportId, organizationId: { in: visibleOrganizationIds(ctx.access) } },
    include: {
      organization: { select: { id: true, name: true, fullName: true, level: true } },
      updatedBy: { select: { displayName: true } },
    },
  });
  if (!report) throw new NotFoundError();
  return report;
}

/**
 * The same scoped lookup without the content: what a write needs to decide (status, organisation,
 * year, format), so an autosave does not read the 30 KB it is about to replace.
 */
export async function getReportHeaderOrThrow(ctx: AuthContext, reportId: string) {
  if (!isRecordId(reportId)) throw new NotFoundError();
  const report = await db().report.findFirst({
    where: { id: reportId, organizationId: { in: visibleOrganizationIds(ctx.access) } },
    select: {
      id: true,
      organizationId: true,
      year: true,
      status: true,
      formatVersion: true,
      organization: { select: { level: true } },
    },
  });
  if (!report) throw new NotFoundError();
  return report;
}

/** A report the caller may see together with its content parsed; an unreadable content is treated as not found. */
export async function getReportWithContentOrThrow(ctx: AuthContext, reportId: string) {
  const report = await getReportOrThrow(ctx, reportId);
  const parsed = parseReportContent(report.content);
  if (!parsed.success) throw new NotFoundError();
  return { report, content: parsed.data };
}
