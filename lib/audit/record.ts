import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AuditAction } from "./actions";

export interface AuditEntry {
  action: AuditAction;
  /** Who did it (null for a failed sign-in of an unknown account). */
  actorId?: string | null;
  /** The account as typed or as it is now — kept when the user row is gone. */
  actorAccount?: string | null;
  /** The user the entry is about (the one signing in, created, reset…). */
  subjectUserId?: string | null;
  /** The organisation whose admins may read the entry. */
  organizationId?: string | null;
  reportId?: string | null;
  ip?: string | null;
  detail?: Prisma.InputJsonValue;
}

type Client = Pick<Prisma.TransactionClient, "auditLog">;

/**
 * Write an audit row. Pass the transaction client of the change being recorded, so that the change and
 * its record commit together or not at all.
 */
export async function recordAudit(client: Client, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      actorAccount: entry.actorAccount ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      organizationId: entry.organizationId ?? null,
      reportId: entry.reportId ?? null,
      ip: entry.ip ?? null,
      detail: entry.detail,
    },
  });
}

/** For events that change nothing else (exports, failed sign-ins): a row of their own. */
export function recordAuditNow(entry: AuditEntry): Promise<void> {
  return recordAudit(db(), entry);
}
