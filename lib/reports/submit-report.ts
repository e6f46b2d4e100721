import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReportContent } from "@/lib/report/content";
import { hasErrors, validate } from "@/lib/report/validate";
import { canEditReport } from "./editable";
import { HasErrorsError, InvalidStateError } from "./errors";
import { getReportOrThrow } from "./get-report-or-throw";
import { previousReportContent } from "./previous-report";
import { claimTransition, takeSnapshot } from "./transition";

/**
 * 提交审核: the server validates the stored report itself (complete — every cell filled) and refuses on
 * any error. In one transaction: the status change claims the row (so a concurrent save or a second
 * submit cannot interleave), the transition and a snapshot are kept, the review comments the editor
 * has now answered are closed, and the audit row is written.
 */
export async function submitReport(
  ctx: AuthContext,
  reportId: string,
  version: number,
  options: { comment?: string | null; ip?: string | null } = {},
): Promise<{ version: number; snapshot: number }> {
  const report = await getReportOrThrow(ctx, reportId);
  if (!canEditReport(ctx, report)) {
    if (report.status !== "DRAFT" && report.status !== "RETURNED") throw new InvalidStateError("报告不在可提交的状态。");
    throw new ForbiddenError("只有本单位的填报员或管理员可以提交报告。");
  }
  if (report.version !== version) throw new InvalidStateError("报告在您提交前已被修改或已提交，请刷新后重试。");
  const content = report.content as unknown as ReportContent;
  const findings = validate(content, { previous: await previousReportContent(report.organizationId, report.year), complete: true });
  if (hasErrors(findings)) throw new HasErrorsError(findings);
  return db().$transaction(async (tx) => {
    const claimed = await claimTransition(tx, {
      // updatedById stays the last author (the submitter is the transition's actor): both are kept,
      // and the reviewer can see who wrote and who submitted.
      report, to: "SUBMITTED", actorId: ctx.user.userId, comment: options.comment,
      staleMessage: "报告在您提交前已被修改或已提交，请刷新后重试。",
    });
    const snapshot = await takeSnapshot(tx, {
      reportId: report.id, status: "SUBMITTED", reportVersion: claimed.version,
      content: report.content as Prisma.InputJsonValue, actorId: ctx.user.userId,
    });
    await tx.reviewComment.updateMany({
      where: { reportId: report.id, transitionId: { not: null }, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    await recordAudit(tx, {
      action: "REPORT_SUBMITTED", actorId: ctx.user.userId, actorAccount: ctx.user.account,
      organizationId: report.organizationId, reportId: report.id, ip: options.ip,
      detail: { from: report.status, to: "SUBMITTED", snapshot, year: report.year },
    });
    return { version: claimed.version, snapshot };
  });
}
