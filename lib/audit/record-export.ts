import type { AuthContext } from "@/lib/auth/context";
import { recordAuditNow } from "./record";

/** A report left the system as a file: who took which report, in which format, from where. */
export function recordExport(
  ctx: AuthContext,
  report: { id: string; organizationId: string; year: number },
  format: string,
  ip: string | null,
): Promise<void> {
  return recordAuditNow({
    action: "REPORT_EXPORTED",
    actorId: ctx.user.userId,
    actorAccount: ctx.user.account,
    organizationId: report.organizationId,
    reportId: report.id,
    ip,
    detail: { format, year: report.year },
  });
}
