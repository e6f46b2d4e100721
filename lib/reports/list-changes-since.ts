import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { getReportHeaderOrThrow } from "./get-report-or-throw";
import { changesSince, type CellChangeSince } from "./patches/write-changes";

/**
 * What colleagues changed after `since`: the last value of each target, who wrote it and when — what
 * an open editor applies when it hears of a save. The caller's own changes are left out: its page
 * holds them already, perhaps newer.
 */
export async function listChangesSince(
  ctx: AuthContext,
  reportId: string,
  since: number,
): Promise<{ version: number; changes: CellChangeSince[] }> {
  const report = await getReportHeaderOrThrow(ctx, reportId);
  // One snapshot for the version and the changes, so the version never runs ahead of the changes.
  const [version, changes] = await db().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ version: number }[]>`
        SELECT "version" FROM "Report" WHERE "id" = ${report.id}::uuid`;
      return [rows[0].version, await changesSince(tx, report.id, since)] as const;
    },
    { isolationLevel: "RepeatableRead" },
  );
  return { version, changes: changes.filter((c) => c.actorId !== ctx.user.userId) };
}
