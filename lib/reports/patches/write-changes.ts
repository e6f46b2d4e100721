import type { Prisma } from "@/lib/db/generated/client";
import { computeTotals } from "@/lib/report/compute-totals";
import type { ReportContent } from "@/lib/report/content";
import {
  applyChanges,
  editableTargets,
  type PatchChange,
  type PatchValue,
} from "@/lib/report/patch";
import { publishReportSaved } from "@/lib/realtime/publish";
import { InvalidStateError } from "../errors";
import { LIFECYCLE, startsFrom } from "../lifecycle";

type Tx = Prisma.TransactionClient;

/** The report row as a save holds it: locked, with its content. */
export interface LockedReport {
  version: number;
  status: string;
  content: ReportContent;
}

/** The latest change of one target since a version, as a colleague's change or a conflict names it. */
export interface CellChangeSince {
  target: string;
  value: PatchValue;
  actorId: string | null;
  actorName: string;
  at: string;
  /** The version the change was written in. */
  reportVersion: number;
}

/** Lock the report row for this save and read it; a report no longer in an editable status is refused. */
export async function lockReport(tx: Tx, reportId: string): Promise<LockedReport> {
  const rows = await tx.$queryRaw<LockedReport[]>`
    SELECT "version", "status"::text AS status, "content" FROM "Report"
     WHERE "id" = ${reportId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || !startsFrom("save", row.status as never))
    throw new InvalidStateError(LIFECYCLE.save.refused);
  return row;
}

/**
 * The last change of every target written after `version`. Read after the lock, in its own statement,
 * so it sees every save that committed before this one took the row.
 */
export async function changesSince(
  tx: Pick<Tx, "$queryRaw">,
  reportId: string,
  version: number,
): Promise<CellChangeSince[]> {
  const rows = await tx.$queryRaw<
    {
      target: string;
      value: PatchValue;
      actorId: string | null;
      actorName: string;
      at: Date;
      reportVersion: number;
    }[]
  >`
    SELECT DISTINCT ON (c."target") c."target", c."newValue" AS value, c."actorId"::text AS "actorId",
           coalesce(u."displayName", '') AS "actorName", c."createdAt" AS at, c."reportVersion"
      FROM "ReportCellChange" c LEFT JOIN "User" u ON u."id" = c."actorId"
     WHERE c."reportId" = ${reportId}::uuid AND c."reportVersion" > ${version}
     ORDER BY c."target", c."reportVersion" DESC, c."id" DESC`;
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/**
 * Write changes into the locked report: totals recomputed from the cells, the version bumped, one
 * history row per changed target, the save's record (ReportEdit: which top-level parts) and the
 * notice to other instances — one statement and one notify, inside the caller's transaction.
 */
export async function writeChanges(
  tx: Tx,
  args: {
    reportId: string;
    actorId: string;
    locked: LockedReport;
    changes: readonly PatchChange[];
  },
): Promise<{ version: number; updatedAt: string }> {
  const { reportId, actorId, locked, changes } = args;
  const targets = editableTargets(locked.content.format);
  const next = computeTotals(applyChanges(locked.content, changes));
  const rows = changes.map((c) => ({
    target: c.target,
    old: targets.get(c.target)!.read(locked.content),
    new: c.value,
  }));
  const parts = [...new Set(changes.map((c) => targets.get(c.target)!.part))];
  const written = await tx.$queryRaw<{ version: number; updatedAt: Date }[]>`
    WITH updated AS (
      UPDATE "Report"
         SET "content" = ${JSON.stringify(next)}::jsonb, "version" = "version" + 1,
             "updatedById" = ${actorId}::uuid, "updatedAt" = now()
       WHERE "id" = ${reportId}::uuid
      RETURNING "version", "updatedAt"
    ), cells AS (
      INSERT INTO "ReportCellChange" ("reportId", "actorId", "reportVersion", "target", "oldValue", "newValue")
      SELECT ${reportId}::uuid, ${actorId}::uuid, u."version", x ->> 'target', x -> 'old', x -> 'new'
        FROM updated u, jsonb_array_elements(${JSON.stringify(rows)}::jsonb) x
      RETURNING 1
    ), edit AS (
      INSERT INTO "ReportEdit" ("id", "reportId", "actorId", "reportVersion", "targets")
      SELECT gen_random_uuid(), ${reportId}::uuid, ${actorId}::uuid, u."version", ${parts}::text[]
        FROM updated u
      RETURNING 1
    )
    SELECT u."version", u."updatedAt", (SELECT count(*) FROM cells) + (SELECT count(*) FROM edit) AS recorded
      FROM updated u`;
  const version = written[0].version;
  await publishReportSaved(tx, {
    reportId,
    version,
    actorId,
    targets: changes.map((c) => c.target),
  });
  return { version, updatedAt: written[0].updatedAt.toISOString() };
}
