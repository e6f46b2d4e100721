import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { notifyReportEvent } from "@/lib/notifications/notify";
import { parseReportContent } from "@/lib/report/content";
import { hasErrors, validate } from "@/lib/report/validate";
import { canEditReport } from "./editable";
import { HasErrorsError, InvalidStateError } from "./errors";
import { getReportOrThrow } from "./get-report-or-throw";
import { LIFECYCLE, startsFrom } from "./lifecycle";
import { previousReportContent } from "./previous-report";
import { claimTransition, takeSnapshot } from "./transition";

/**
 * 提交审核: the server validates the stored report itself (complete — every cell filled) and refuses on
 * any error. In one transaction: the status change claims the row (so a concurrent save or a second
 * submit cannot interleave), the transition and a snapshot are kept, the review comments the editor
 * has now answered are closed, the reviewers are notified (待审核) and the audit row is written.
 */
export async function submitReport(
  ctx: AuthContext,
  reportId: string,
  version: number,
  options: { comment?: string | null; ip?: string | null } = {},
): Promise<{ version: number; snapshot: number }> {
  const report = await getReportOrThrow(ctx, reportId);
  if (!canEditReport(ctx, report)) {
    if (!startsFrom("submit", report.status)) throw new InvalidStateError(LIFECYCLE.submit.refused);
    throw new ForbiddenError("只有本单位的填报员或管理员可以提交报告。");
  }
  if (report.version !== version) throw new InvalidStateError(LIFECYCLE.submit.stale);
  const parsed = parseReportContent(report.content);
  if (!parsed.success)
    throw new InvalidStateError("报告内容无法读取，请在编辑器中打开并保存一次后再提交。");
  const content = parsed.data;
  const findings = validate(content, {
    previous: await previousReportContent(report.organizationId, report.year),
    complete: true,
  });
  if (hasErrors(findings)) throw new HasErrorsError(findings);
  return db().$transaction(async (tx) => {
    const claimed = await claimTransition(tx, {
      // updatedById stays the last author (the submitter is the transition's actor): both are kept,
      // and the reviewer can see who wrote and who submitted.
      report,
      to: LIFECYCLE.submit.to,
      actorId: ctx.user.userId,
      comment: options.comment,
      staleMessage: LIFECYCLE.submit.stale,
    });
    const snapshot = await takeSnapshot(tx, {
      reportId: report.id,
      status: "SUBMITTED",
      reportVersion: claimed.version,
      content: report.content as Prisma.InputJsonValue,
      actorId: ctx.user.userId,
    });
    await tx.reviewComment.updateMany({
      where: { reportId: report.id, transitionId: { not: null }, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    await recordAudit(tx, {
      action: "REPORT_SUBMITTED",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      organizationId: report.organizationId,
      reportId: report.id,
      ip: options.ip,
      detail: { from: report.status, to: "SUBMITTED", snapshot, year: report.year },
    });
    await notifyReportEvent(tx, {
      kind: "SUBMITTED",
      report,
      actorId: ctx.user.userId,
      message: options.comment,
    });
    return { version: claimed.version, snapshot };
  });
}
