import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { InvalidStateError } from "./errors";
import { getReportHeaderOrThrow } from "./get-report-or-throw";
import { LIFECYCLE, startsFrom } from "./lifecycle";
import { claimTransition } from "./transition";

/** Said when a reviewer has already begun: the editor must wait for the review (or a 退回). */
export const REVIEW_STARTED = "审核员已开始审核这份报告（已写下意见），不能撤回；请等待审核结果。";

/** A reviewer has written a comment on the current submission (pending: not sent with a 退回 yet). */
export async function reviewStarted(
  client: Pick<Prisma.TransactionClient, "reviewComment">,
  reportId: string,
): Promise<boolean> {
  return (
    (await client.reviewComment.count({
      where: { reportId, transitionId: null, resolvedAt: null },
    })) > 0
  );
}

/**
 * 撤回: the unit's editor (or admin) takes a submission back before review starts, and the report is a
 * draft again. Review has started once a reviewer wrote a comment on this submission (a pending one,
 * not yet sent) or moved the report on (returned or approved it — the status claim then fails). The
 * claim and the check share the transaction, so a reviewer's 退回 or 通过 cannot slip in between.
 */
export async function withdrawReport(
  ctx: AuthContext,
  reportId: string,
  input: { version: number },
  options: { ip?: string | null } = {},
): Promise<{ version: number }> {
  const report = await getReportHeaderOrThrow(ctx, reportId);
  if (!can(ctx.access, LIFECYCLE.withdraw.permission, report.organizationId))
    throw new ForbiddenError("只有本单位的填报员或管理员可以撤回提交。");
  if (!startsFrom("withdraw", report.status))
    throw new InvalidStateError(LIFECYCLE.withdraw.refused);
  return db().$transaction(async (tx) => {
    const claimed = await claimTransition(tx, {
      report: { ...report, version: input.version },
      to: LIFECYCLE.withdraw.to,
      actorId: ctx.user.userId,
      comment: "撤回提交",
      staleMessage: LIFECYCLE.withdraw.stale,
    });
    if (await reviewStarted(tx, report.id)) throw new InvalidStateError(REVIEW_STARTED);
    await recordAudit(tx, {
      action: "REPORT_WITHDRAWN",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      organizationId: report.organizationId,
      reportId: report.id,
      ip: options.ip,
      detail: { from: "SUBMITTED", to: LIFECYCLE.withdraw.to, year: report.year },
    });
    return { version: claimed.version };
  });
}
