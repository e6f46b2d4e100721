import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import {
  REPORT_EVENTS_CHANNEL,
  targetsThatFit,
  type ChannelMessage,
  type PresenceUser,
} from "./report-events";

/** The client or the transaction a notice is sent with: NOTIFY inside a transaction fires on commit. */
type Notifier = Pick<PrismaClient, "$executeRaw">;

export interface ReportSavedNotice {
  reportId: string;
  version: number;
  actorId: string;
  targets: readonly string[];
}

/**
 * The pg_notify call of a saved notice as a piece of SQL, for a statement that also writes the save:
 * `version` is an expression of that statement (the version it wrote). The actor's name is read by the
 * same statement.
 */
export function savedNoticeSql(
  notice: Omit<ReportSavedNotice, "version">,
  version: Prisma.Sql,
): Prisma.Sql {
  const targets = targetsThatFit(notice.targets);
  return Prisma.sql`pg_notify(${REPORT_EVENTS_CHANNEL}, json_build_object(
      'kind', 'saved',
      'reportId', ${notice.reportId}::text,
      'version', (${version})::int,
      'actorId', ${notice.actorId}::text,
      'actorName', coalesce((SELECT left("displayName", 100) FROM "User" WHERE "id" = ${notice.actorId}::uuid), ''),
      'targets', ${JSON.stringify(targets)}::json
    )::text)`;
}

/**
 * Tell every instance that a save was written. Called with the save's transaction, PostgreSQL
 * delivers it only when that commits (and never when it rolls back), so a listener never hears of a
 * version it cannot read. One round trip.
 */
export async function publishReportSaved(tx: Notifier, notice: ReportSavedNotice): Promise<void> {
  await tx.$executeRaw`SELECT ${savedNoticeSql(notice, Prisma.sql`${notice.version}`)}`;
}

/** Tell every instance where one open editor is, or that it has gone. */
export async function publishPresence(
  tx: Notifier,
  message:
    ({ kind: "here"; reportId: string } & PresenceUser) | Extract<ChannelMessage, { kind: "gone" }>,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${REPORT_EVENTS_CHANNEL}, ${JSON.stringify(message)})`;
}
