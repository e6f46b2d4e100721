import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { InvalidStateError } from "./errors";
import { lastSubmitter } from "./last-submitter";
import { LIFECYCLE, startsFrom } from "./lifecycle";

/**
 * The caller may review this (visible, submitted) report: a reviewer of the unit or of a district above
 * it — and not the one who submitted it, nor anyone who wrote any part of its content since its last
 * approval (separation of duties: whatever roles they hold or held when they wrote).
 */
export async function assertCanReview(
  ctx: AuthContext,
  report: { id: string; organizationId: string; status: ReportStatus },
): Promise<void> {
  if (!can(ctx.access, LIFECYCLE.approve.permission, report.organizationId))
    throw new ForbiddenError("只有审核员可以审核报告。");
  // Returning and approving start from the same status.
  if (!startsFrom("approve", report.status)) throw new InvalidStateError("报告不在待审核状态。");
  if ((await lastSubmitter(db(), report.id)) === ctx.user.userId)
    throw new ForbiddenError("不能审核自己提交的报告，请由其他审核员审核。");
  const lastApproval = await db().reportTransition.findFirst({
    where: { reportId: report.id, toStatus: "APPROVED" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const wrote = await db().reportEdit.findFirst({
    where: {
      reportId: report.id,
      actorId: ctx.user.userId,
      ...(lastApproval ? { createdAt: { gt: lastApproval.createdAt } } : {}),
    },
    select: { id: true },
  });
  if (wrote) throw new ForbiddenError("您修改过这份报告的内容，不能审核它，请由其他审核员审核。");
}

/** For the report page: null when the caller may review this report now, else why not (or that they are no reviewer). */
export async function reviewRefusal(
  ctx: AuthContext,
  report: { id: string; organizationId: string; status: ReportStatus },
): Promise<string | null> {
  try {
    await assertCanReview(ctx, report);
    return null;
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof InvalidStateError) return error.message;
    throw error;
  }
}
