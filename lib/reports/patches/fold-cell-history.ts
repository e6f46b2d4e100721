import { db } from "@/lib/db/client";

/**
 * Retention of cell history: every change of the last 90 days is kept as it was made, and so are
 * the last 20 changes of each target whatever their age. Older changes of a target are folded into
 * one row (the value before the first of them, the value after the last, who made the last, when the
 * first and the last were made, how many they were). The table so grows with the number of targets
 * edited, not with the number of keystrokes; the submitted and approved versions stay whole in
 * ReportSnapshot.
 */
export const CELL_HISTORY_POLICY = { keepDays: 90, keepPerTarget: 20, foldEveryVersions: 100 };

/** Fold one report's old cell history; returns how many rows were folded away. */
export async function foldCellHistory(
  reportId: string,
  now: Date = new Date(),
  policy: { keepDays: number; keepPerTarget: number } = CELL_HISTORY_POLICY,
): Promise<number> {
  const cutoff = new Date(now.getTime() - policy.keepDays * 24 * 60 * 60 * 1000);
  return db().$transaction(async (tx) => {
    // One fold of a report at a time: a second one waits, then finds nothing left to fold.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`fold:${reportId}`}))`;
    const rows = await tx.$queryRaw<{ removed: number }[]>`
      WITH ranked AS (
        SELECT "id", "target", "createdAt",
               row_number() OVER (PARTITION BY "target" ORDER BY "reportVersion" DESC, "id" DESC) AS rn
          FROM "ReportCellChange" WHERE "reportId" = ${reportId}::uuid
      ), old AS (
        SELECT "id", "target" FROM ranked WHERE rn > ${policy.keepPerTarget} AND "createdAt" < ${cutoff}
      ), groups AS (
        SELECT o."target",
               (array_agg(c."id" ORDER BY c."reportVersion", c."id"))[1] AS first_id,
               (array_agg(c."id" ORDER BY c."reportVersion" DESC, c."id" DESC))[1] AS last_id,
               sum(c."foldedCount")::int AS n,
               min(coalesce(c."firstAt", c."createdAt")) AS first_at
          FROM old o JOIN "ReportCellChange" c ON c."id" = o."id"
         GROUP BY o."target" HAVING count(*) > 1
      ), folded AS (
        INSERT INTO "ReportCellChange"
               ("reportId", "actorId", "createdAt", "reportVersion", "target", "oldValue", "newValue", "foldedCount", "firstAt")
        SELECT ${reportId}::uuid, l."actorId", l."createdAt", l."reportVersion", g."target",
               f."oldValue", l."newValue", g.n, g.first_at
          FROM groups g
          JOIN "ReportCellChange" f ON f."id" = g.first_id
          JOIN "ReportCellChange" l ON l."id" = g.last_id
        RETURNING 1
      ), removed AS (
        DELETE FROM "ReportCellChange" c USING old o, groups g
         WHERE c."id" = o."id" AND o."target" = g."target"
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM removed)::int - (SELECT count(*) FROM folded)::int AS removed`;
    return rows[0]?.removed ?? 0;
  });
}
