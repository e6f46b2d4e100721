import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { PatchValue } from "@/lib/report/patch";
import { getReportHeaderOrThrow } from "./get-report-or-throw";

/** One entry of a cell's or field's history (修改记录), oldest first. */
export interface CellHistoryEntry {
  actorName: string;
  at: string;
  reportVersion: number;
  oldValue: PatchValue;
  newValue: PatchValue;
  /** More than 1: older changes folded into this one entry, made between `firstAt` and `at`. */
  foldedCount: number;
  firstAt: string | null;
}

/** Every kept change of one target of a report the caller may see, in the order they were made. */
export async function listCellHistory(
  ctx: AuthContext,
  reportId: string,
  target: string,
): Promise<CellHistoryEntry[]> {
  const report = await getReportHeaderOrThrow(ctx, reportId);
  const rows = await db().$queryRaw<
    (Omit<CellHistoryEntry, "at" | "firstAt"> & { at: Date; firstAt: Date | null })[]
  >`
    SELECT coalesce(u."displayName", '已删除的用户') AS "actorName", c."createdAt" AS at,
           c."reportVersion", c."oldValue", c."newValue", c."foldedCount", c."firstAt"
      FROM "ReportCellChange" c LEFT JOIN "User" u ON u."id" = c."actorId"
     WHERE c."reportId" = ${report.id}::uuid AND c."target" = ${target}
     ORDER BY c."reportVersion", c."id"
     LIMIT 500`;
  return rows.map((r) => ({
    ...r,
    at: r.at.toISOString(),
    firstAt: r.firstAt ? r.firstAt.toISOString() : null,
  }));
}
