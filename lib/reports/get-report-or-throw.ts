import type { AuthContext } from "@/lib/auth/context";
import { visibleOrganizationIds } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";

/** A report the caller may see; any other report — existing or not — is a 404. Access is part of the query. */
export async function getReportOrThrow(ctx: AuthContext, reportId: string) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(reportId)) throw new NotFoundError();
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
