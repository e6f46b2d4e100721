import { db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/db/generated/enums";

/**
 * The 退回 that sent a returned report back — who, when, and the overall comment — for the editor to read
 * above the report. The report must come from getReportOrThrow (access already checked).
 */
export async function latestReturn(report: {
  id: string;
  status: ReportStatus;
}): Promise<{ actor: string | null; at: Date; comment: string | null } | null> {
  if (report.status !== "RETURNED") return null;
  const transition = await db().reportTransition.findFirst({
    where: { reportId: report.id, toStatus: "RETURNED" },
    orderBy: { createdAt: "desc" },
    include: { actor: { select: { displayName: true } } },
  });
  return transition
    ? {
        actor: transition.actor?.displayName ?? null,
        at: transition.createdAt,
        comment: transition.comment,
      }
    : null;
}
