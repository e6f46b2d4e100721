import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isFormatId } from "@/lib/report/formats";
import { reviewTarget } from "@/lib/report/review-targets";

/** A review comment as the report page shows it. */
export interface ReviewCommentView {
  id: string;
  target: string;
  /** Where it applies, as a person reads it (the cell's label, the section's title…). */
  targetLabel: string;
  body: string;
  author: string | null;
  createdAt: string;
  /** pending: written, not yet sent (reviewers only); open: sent with the last 退回, not yet answered by a resubmission. */
  state: "pending" | "open";
  mine: boolean;
}

/**
 * The comments of a report the caller can see (it must come from getReportOrThrow): the open ones sent
 * with the last 退回, for everyone who sees the report; and the pending ones, for its reviewers only.
 */
export async function listReviewComments(
  ctx: AuthContext,
  report: { id: string; organizationId: string; formatVersion: string },
): Promise<ReviewCommentView[]> {
  const reviewer = can(ctx.access, "report.review", report.organizationId);
  const rows = await db().reviewComment.findMany({
    where: {
      reportId: report.id,
      resolvedAt: null,
      ...(reviewer ? {} : { transitionId: { not: null } }),
    },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { displayName: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    target: row.target,
    targetLabel:
      (isFormatId(report.formatVersion) && reviewTarget(report.formatVersion, row.target)?.label) ||
      row.target,
    body: row.body,
    author: row.author?.displayName ?? null,
    createdAt: row.createdAt.toISOString(),
    state: row.transitionId ? "open" : "pending",
    mine: row.authorId === ctx.user.userId,
  }));
}
