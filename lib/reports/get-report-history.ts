import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { isFormatId } from "@/lib/report/formats";
import { reviewTarget } from "@/lib/report/review-targets";
import { getReportOrThrow } from "./get-report-or-throw";

export interface TransitionView {
  id: string;
  at: Date;
  actor: string | null;
  from: ReportStatus;
  to: ReportStatus;
  comment: string | null;
  /** The cell and section comments sent with it (退回) or kept with it (通过). */
  comments: { targetLabel: string; body: string; author: string | null }[];
}

export interface SnapshotView {
  number: number;
  status: ReportStatus;
  at: Date;
  by: string | null;
}

/** Every transition and snapshot of a report the caller may see, oldest first. */
export async function getReportHistory(ctx: AuthContext, reportId: string) {
  const report = await getReportOrThrow(ctx, reportId);
  const [transitions, snapshots] = await Promise.all([
    db().reportTransition.findMany({
      where: { reportId: report.id },
      orderBy: { createdAt: "asc" },
      include: {
        actor: { select: { displayName: true } },
        comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { displayName: true } } } },
      },
    }),
    db().reportSnapshot.findMany({
      where: { reportId: report.id },
      orderBy: { number: "asc" },
      select: { number: true, status: true, createdAt: true, createdBy: { select: { displayName: true } } },
    }),
  ]);
  const label = (target: string) => (isFormatId(report.formatVersion) && reviewTarget(report.formatVersion, target)?.label) || target;
  return {
    report,
    transitions: transitions.map((t): TransitionView => ({
      id: t.id, at: t.createdAt, actor: t.actor?.displayName ?? null, from: t.fromStatus, to: t.toStatus, comment: t.comment,
      comments: t.comments.map((c) => ({ targetLabel: label(c.target), body: c.body, author: c.author?.displayName ?? null })),
    })),
    snapshots: snapshots.map((s): SnapshotView => ({ number: s.number, status: s.status, at: s.createdAt, by: s.createdBy?.displayName ?? null })),
  };
}
