import type { AuthContext } from "@/lib/auth/context";
import { InputError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { isFormatId } from "@/lib/report/formats";
import { reviewTarget } from "@/lib/report/review-targets";
import { getReportOrThrow } from "./get-report-or-throw";
import { assertCanReview } from "./review-access";

export const COMMENT_MAX = 2000;

/**
 * A reviewer's comment on a cell, field or section of a submitted report. It waits with the reviewer
 * (the editor does not see it) until it is sent with 退回.
 */
export async function addReviewComment(
  ctx: AuthContext,
  reportId: string,
  input: { target: string; body: string },
): Promise<{ id: string }> {
  const report = await getReportOrThrow(ctx, reportId);
  await assertCanReview(ctx, report);
  const body = input.body.trim();
  if (!body) throw new InputError("请填写意见内容。");
  if ([...body].length > COMMENT_MAX) throw new InputError(`意见不能超过 ${COMMENT_MAX} 字。`);
  if (!isFormatId(report.formatVersion) || !reviewTarget(report.formatVersion, input.target))
    throw new InputError("请选择意见针对的单元格或部分。");
  const created = await db().reviewComment.create({
    data: { reportId: report.id, target: input.target, body, authorId: ctx.user.userId },
    select: { id: true },
  });
  return created;
}
