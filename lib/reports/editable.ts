import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import type { ReportStatus } from "@/lib/db/generated/enums";

/** Statuses in which the unit's editors may change the report (a returned report goes back to them). */
export const EDITABLE_STATUSES: ReportStatus[] = ["DRAFT", "RETURNED"];

export function canEditReport(ctx: AuthContext, report: { organizationId: string; status: ReportStatus }): boolean {
  return EDITABLE_STATUSES.includes(report.status) && can(ctx.access, "report.edit", report.organizationId);
}
