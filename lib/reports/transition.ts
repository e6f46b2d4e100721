import type { Prisma } from "@/lib/db/generated/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { InvalidStateError } from "./errors";

type Tx = Prisma.TransactionClient;

export interface TransitionClaim {
  report: { id: string; version: number; status: ReportStatus };
  to: ReportStatus;
  actorId: string;
  comment?: string | null;
  /** Other columns that change with the status (publication URL and date, last editor). */
  data?: Prisma.ReportUncheckedUpdateManyInput;
  /** Said when the report changed since it was read, or is no longer in `report.status`. */
  staleMessage: string;
}

/**
 * Move a report from the status it was read in to `to` — only if nobody changed it since (same version,
 * same status): `UPDATE … WHERE id AND version AND status`, so two reviewers cannot approve and return
 * the same report at once — and record the transition. Call inside the transaction that writes the
 * snapshot and the audit row.
 */
export async function claimTransition(
  tx: Tx,
  claim: TransitionClaim,
): Promise<{ transitionId: string; version: number }> {
  const { report } = claim;
  // A version no report can have (e.g. beyond the column's range) is simply stale.
  if (!Number.isInteger(report.version) || report.version < 1 || report.version > 2_147_483_647)
    throw new InvalidStateError(claim.staleMessage);
  const claimed = await tx.report.updateMany({
    where: { id: report.id, version: report.version, status: report.status },
    data: { ...claim.data, status: claim.to, version: { increment: 1 } },
  });
  if (claimed.count === 0) throw new InvalidStateError(claim.staleMessage);
  const transition = await tx.reportTransition.create({
    data: {
      reportId: report.id,
      fromStatus: report.status,
      toStatus: claim.to,
      actorId: claim.actorId,
      comment: claim.comment || null,
    },
    select: { id: true },
  });
  return { transitionId: transition.id, version: report.version + 1 };
}

/**
 * Keep the report as it is now (at a submission, an approval or a publication), numbered 1, 2, 3 … per
 * report. A publication's snapshot also keeps where and when, and the 更正说明 of a corrected one.
 */
export async function takeSnapshot(
  tx: Tx,
  snapshot: {
    reportId: string;
    status: ReportStatus;
    reportVersion: number;
    content: Prisma.InputJsonValue;
    actorId: string;
    publication?: { url: string | null; on: Date | null; note: string | null };
  },
): Promise<number> {
  // The row is claimed by this transaction, so no other snapshot of it can be numbered meanwhile.
  const last = await tx.reportSnapshot.aggregate({
    where: { reportId: snapshot.reportId },
    _max: { number: true },
  });
  const number = (last._max.number ?? 0) + 1;
  await tx.reportSnapshot.create({
    data: {
      reportId: snapshot.reportId,
      number,
      status: snapshot.status,
      reportVersion: snapshot.reportVersion,
      content: snapshot.content,
      createdById: snapshot.actorId,
      publishedUrl: snapshot.publication?.url ?? null,
      publishedOn: snapshot.publication?.on ?? null,
      note: snapshot.publication?.note ?? null,
    },
  });
  return number;
}
