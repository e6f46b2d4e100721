import { visibleOrganizationIds } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export interface InboxItem {
  reportId: string;
  unit: string;
  year: number;
  submittedAt: Date | null;
  submitter: string | null;
  /** Submitted before (and returned or withdrawn since): the reviewer sees what changed. */
  resubmission: boolean;
  /** The caller submitted it: another reviewer must review it. */
  ownSubmission: boolean;
}

/**
 * 待审核: the submitted reports the caller reviews (their units and every unit below a district where
 * they review), oldest submission first — the one waiting longest is reviewed first.
 */
export async function listReviewInbox(ctx: AuthContext): Promise<InboxItem[]> {
  const reviewed = visibleOrganizationIds(ctx.access).filter((id) =>
    can(ctx.access, "report.review", id),
  );
  if (!reviewed.length) return [];
  const rows = await db().report.findMany({
    where: { status: "SUBMITTED", organizationId: { in: reviewed } },
    select: {
      id: true,
      year: true,
      organization: { select: { name: true } },
      transitions: {
        where: { toStatus: "SUBMITTED" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true, actorId: true, actor: { select: { displayName: true } } },
      },
      _count: { select: { snapshots: { where: { status: "SUBMITTED" } } } },
    },
  });
  return rows
    .map((r) => {
      const last = r.transitions[0];
      return {
        reportId: r.id,
        unit: r.organization.name,
        year: r.year,
        submittedAt: last?.createdAt ?? null,
        submitter: last?.actor?.displayName ?? null,
        resubmission: r._count.snapshots > 1,
        ownSubmission: last?.actorId === ctx.user.userId,
      };
    })
    .sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
}

/** The navigation's count: the reports waiting for the caller (not counting their own submissions). */
export async function countReviewInbox(ctx: AuthContext): Promise<number> {
  return (await listReviewInbox(ctx)).filter((item) => !item.ownSubmission).length;
}
