import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { InvalidStateError } from "./errors";
import { getReportHeaderOrThrow } from "./get-report-or-throw";

/**
 * Delete a draft made by mistake (a wrong year, a wrong base) while nobody has written in it: still a
 * draft at its first version. A draft with any saved change is someone's work and stays. The check and
 * the delete are one conditional statement, so a save that lands in between keeps the draft.
 */
export async function deleteUntouchedDraft(
  ctx: AuthContext,
  reportId: string,
  options: { ip?: string | null } = {},
): Promise<{ year: number }> {
  const report = await getReportHeaderOrThrow(ctx, reportId);
  if (!can(ctx.access, "report.edit", report.organizationId))
    throw new ForbiddenError("只有本单位的填报员或管理员可以删除草稿。");
  return db().$transaction(async (tx) => {
    const deleted = await tx.report.deleteMany({
      where: { id: report.id, status: "DRAFT", version: 1 },
    });
    if (deleted.count === 0)
      throw new InvalidStateError(`${report.year}年度报告已有编辑或已进入审核流程，不能删除。`);
    await recordAudit(tx, {
      action: "REPORT_DRAFT_DELETED",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      organizationId: report.organizationId,
      ip: options.ip,
      detail: { year: report.year, reportId: report.id },
    });
    return { year: report.year };
  });
}
