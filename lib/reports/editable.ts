import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { LIFECYCLE, startsFrom } from "./lifecycle";

/** Statuses in which the unit's editors may change the report (a returned report goes back to them). */
export const EDITABLE_STATUSES = LIFECYCLE.save.from;

export function canEditReport(
  ctx: AuthContext,
  report: { organizationId: string; status: ReportStatus },
): boolean {
  return (
    startsFrom("save", report.status) &&
    can(ctx.access, LIFECYCLE.save.permission, report.organizationId)
  );
}
