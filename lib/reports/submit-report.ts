import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { ReportContent } from "@/lib/report/content";
import { hasErrors, validate } from "@/lib/report/validate";
import { canEditReport } from "./editable";
import { HasErrorsError, InvalidStateError } from "./errors";
import { getReportOrThrow } from "./get-report-or-throw";
import { previousReportContent } from "./previous-report";

/**
 * 提交审核: the server validates the stored report itself (complete — every cell filled) and refuses on
 * any error; the status change claims the row, so a concurrent save or a second submit cannot interleave.
 */
export async function submitReport(ctx: AuthContext, reportId: string, version: number): Promise<{ version: number }> {
  const report = await getReportOrThrow(ctx, reportId);
  if (!canEditReport(ctx, report)) {
    if (report.status !== "DRAFT" && report.status !== "RETURNED") throw new InvalidStateError("报告不在可提交的状态。");
    throw new ForbiddenError("只有本单位的填报员或管理员可以提交报告。");
  }
  const content = report.content as unknown as ReportContent;
  const findings = validate(content, { previous: await previousReportContent(report.organizationId, report.year), complete: true });
  if (hasErrors(findings)) throw new HasErrorsError(findings);
  const claimed = await db().report.updateMany({
    where: { id: report.id, version, status: { in: ["DRAFT", "RETURNED"] } },
    data: { status: "SUBMITTED", version: { increment: 1 }, updatedById: ctx.user.userId },
  });
  if (claimed.count === 0) throw new InvalidStateError("报告在您提交前已被修改或已提交，请刷新后重试。");
  return { version: version + 1 };
}
