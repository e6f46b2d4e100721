import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { InputError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { notifyReportEvent } from "@/lib/notifications/notify";
import { getReportOrThrow } from "./get-report-or-throw";
import { lastSubmitter } from "./last-submitter";
import { LIFECYCLE } from "./lifecycle";
import { assertCanReview } from "./review-access";
import { claimTransition } from "./transition";

export interface ReturnReportInput {
  version: number;
  /** An overall comment; optional when comments on cells or sections have been written. */
  comment?: string | null;
}

/**
 * 退回: the report goes back to its editors with the reviewer's comments — the ones written on cells and
 * sections while reviewing, now sent with this transition, and the overall comment. At least one is needed.
 */
export async function returnReport(
  ctx: AuthContext,
  reportId: string,
  input: ReturnReportInput,
  options: { ip?: string | null } = {},
): Promise<{ version: number; comments: number }> {
  const report = await getReportOrThrow(ctx, reportId);
  await assertCanReview(ctx, report);
  const comment = input.comment?.trim() || null;
  return db().$transaction(async (tx) => {
    const claimed = await claimTransition(tx, {
      report: { ...report, version: input.version },
      to: LIFECYCLE.return.to,
      actorId: ctx.user.userId,
      comment,
      staleMessage: LIFECYCLE.return.stale,
    });
    const sent = await tx.reviewComment.updateMany({
      where: { reportId: report.id, transitionId: null },
      data: { transitionId: claimed.transitionId },
    });
    // Checked inside the transaction: a comment deleted meanwhile cannot leave a return without any.
    if (sent.count === 0 && !comment)
      throw new InputError("退回时请至少填写一条意见（针对单元格、部分或总体意见）。");
    await recordAudit(tx, {
      action: "REPORT_RETURNED",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      organizationId: report.organizationId,
      reportId: report.id,
      ip: options.ip,
      detail: {
        from: "SUBMITTED",
        to: "RETURNED",
        comments: sent.count,
        comment,
        year: report.year,
      },
    });
    await notifyReportEvent(tx, {
      kind: "RETURNED",
      report,
      actorId: ctx.user.userId,
      submitterId: await lastSubmitter(tx, report.id),
      message: comment,
    });
    return { version: claimed.version, comments: sent.count };
  });
}
