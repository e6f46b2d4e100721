import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError, InputError } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { InvalidStateError } from "./errors";
import { getReportOrThrow } from "./get-report-or-throw";
import { LIFECYCLE, startsFrom } from "./lifecycle";
import { claimTransition, takeSnapshot } from "./transition";

export const CORRECTION_REASON_MAX = 2000;

/**
 * 更正: an admin reopens a published report so that it can be corrected; it is then edited, submitted,
 * reviewed and published again like any report, the new publication with its 更正说明. What the public
 * read is kept as a PUBLISHED snapshot — taken now if the publication predates such snapshots (a report
 * published before, or registered from a file) — so the public page keeps showing it until the
 * correction is published, and as superseded afterwards.
 */
export async function reopenForCorrection(
  ctx: AuthContext,
  reportId: string,
  input: { version: number; reason: string },
  options: { ip?: string | null } = {},
): Promise<{ version: number }> {
  const report = await getReportOrThrow(ctx, reportId);
  if (!can(ctx.access, LIFECYCLE.correct.permission, report.organizationId))
    throw new ForbiddenError("只有管理员可以更正已发布的报告。");
  if (!startsFrom("correct", report.status)) throw new InvalidStateError(LIFECYCLE.correct.refused);
  const reason = input.reason.trim();
  if (!reason) throw new InputError("请填写更正原因。");
  if (reason.length > CORRECTION_REASON_MAX) throw new InputError("更正原因过长。");
  return db().$transaction(async (tx) => {
    const claimed = await claimTransition(tx, {
      report: { ...report, version: input.version },
      to: LIFECYCLE.correct.to,
      actorId: ctx.user.userId,
      comment: `更正原因：${reason}`,
      staleMessage: LIFECYCLE.correct.stale,
    });
    const kept = await tx.reportSnapshot.findFirst({
      where: { reportId: report.id, status: "PUBLISHED", reportVersion: report.version },
      select: { number: true },
    });
    const snapshot =
      kept?.number ??
      (await takeSnapshot(tx, {
        reportId: report.id,
        status: "PUBLISHED",
        reportVersion: report.version,
        content: report.content as Prisma.InputJsonValue,
        actorId: ctx.user.userId,
        publication: { url: report.publishedUrl, on: report.publishedOn, note: null },
      }));
    await recordAudit(tx, {
      action: "REPORT_REOPENED_FOR_CORRECTION",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      organizationId: report.organizationId,
      reportId: report.id,
      ip: options.ip,
      detail: { from: "PUBLISHED", to: LIFECYCLE.correct.to, reason, snapshot, year: report.year },
    });
    return { version: claimed.version };
  });
}
