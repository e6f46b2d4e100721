import type { AuthContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { getReportOrThrow } from "./get-report-or-throw";
import { assertCanReview } from "./review-access";
import { isRecordId } from "@/lib/record-id";

/** Take back one's own comment before it is sent; sent comments are part of the record and stay. */
export async function deleteReviewComment(
  ctx: AuthContext,
  reportId: string,
  commentId: string,
): Promise<void> {
  const report = await getReportOrThrow(ctx, reportId);
  await assertCanReview(ctx, report);
  if (!isRecordId(commentId)) throw new NotFoundError("未找到该意见。");
  const deleted = await db().reviewComment.deleteMany({
    where: { id: commentId, reportId: report.id, authorId: ctx.user.userId, transitionId: null },
  });
  if (deleted.count === 0) throw new NotFoundError("未找到该意见，或它已发送。");
}
