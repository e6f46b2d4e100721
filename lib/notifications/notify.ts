import type { Prisma } from "@/lib/db/generated/client";
import type { NotificationKind } from "@/lib/db/generated/enums";
import { reviewersOf, writersOf } from "./recipients";

type Tx = Pick<Prisma.TransactionClient, "organization" | "membership" | "notification">;

export interface ReportEvent {
  kind: Exclude<NotificationKind, "REMINDER">;
  report: { id: string; organizationId: string; year: number };
  actorId: string;
  /** For 退回 and 通过: who submitted, told even when they hold no role on the unit itself. */
  submitterId?: string | null;
  message?: string | null;
}

/**
 * Tell the people a transition concerns, inside the transaction that makes it (a notification of a
 * transition that rolled back would be false): 待审核 to the unit's reviewers and those above it; 退回
 * and 已通过 to the unit's editors and admins and to whoever submitted. Never to the actor themself.
 */
export async function notifyReportEvent(tx: Tx, event: ReportEvent): Promise<number> {
  const recipients =
    event.kind === "SUBMITTED"
      ? await reviewersOf(tx, event.report.organizationId)
      : [
          ...(await writersOf(tx, event.report.organizationId)),
          ...(event.submitterId ? [event.submitterId] : []),
        ];
  const users = [...new Set(recipients)].filter((id) => id !== event.actorId);
  if (!users.length) return 0;
  const created = await tx.notification.createMany({
    data: users.map((userId) => ({
      userId,
      kind: event.kind,
      organizationId: event.report.organizationId,
      year: event.report.year,
      reportId: event.report.id,
      actorId: event.actorId,
      message: event.message?.slice(0, 2000) || null,
    })),
  });
  return created.count;
}
