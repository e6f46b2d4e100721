import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { notifyReportEvent } from "@/lib/notifications/notify";
import { getReportHeaderOrThrow } from "./get-report-or-throw";
import { lastSubmitter } from "./last-submitter";
import { LIFECYCLE } from "./lifecycle";
import { assertCanReview } from "./review-access";
import { claimTransition, takeSnapshot } from "./transition";

/**
 * 通过: the submitted report becomes read-only and a snapshot of what was approved is kept. Comments a
 * reviewer had written but not sent stay on record with the approval, closed. The snapshot's content is
 * read inside the transaction, after the row is claimed at the version the reviewer saw: it is exactly
 * what was approved, whatever happened before the claim.
 */
export async function approveReport(
  ctx: AuthContext,
  reportId: string,
  input: { version: number; comment?: string | null },
  options: { ip?: string | null } = {},
): Promise<{ version: number; snapshot: number }> {
  const report = await getReportHeaderOrThrow(ctx, reportId);
  await assertCanReview(ctx, report);
  const comment = input.comment?.trim() || null;
  return db().$transaction(async (tx) => {
    const claimed = await claimTransition(tx, {
      report: { ...report, version: input.version },
      to: LIFECYCLE.approve.to,
      actorId: ctx.user.userId,
      comment,
      staleMessage: LIFECYCLE.approve.stale,
    });
    const { content } = await tx.report.findUniqueOrThrow({
      where: { id: report.id },
      select: { content: true },
    });
    const snapshot = await takeSnapshot(tx, {
      reportId: report.id,
      status: "APPROVED",
      reportVersion: claimed.version,
      content: content as Prisma.InputJsonValue,
      actorId: ctx.user.userId,
    });
    await tx.reviewComment.updateMany({
      where: { reportId: report.id, transitionId: null },
      data: { transitionId: claimed.transitionId, resolvedAt: new Date() },
    });
    await recordAudit(tx, {
      action: "REPORT_APPROVED",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      organizationId: report.organizationId,
      reportId: report.id,
      ip: options.ip,
      detail: { from: "SUBMITTED", to: "APPROVED", snapshot, comment, year: report.year },
    });
    await notifyReportEvent(tx, {
      kind: "APPROVED",
      report,
      actorId: ctx.user.userId,
      submitterId: await lastSubmitter(tx, report.id),
      message: comment,
    });
    return { version: claimed.version, snapshot };
  });
}
