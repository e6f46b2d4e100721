import { Prisma } from "@/lib/db/generated/client";
import type { ReportContent } from "@/lib/report/content";
import { editableTargets, type PatchChange, type PatchValue } from "@/lib/report/patch";
import { contentOfParts, partPath, writtenParts } from "@/lib/report/patch-parts";
import type { FormatId } from "@/lib/report/spec-types";
import { savedNoticeSql } from "@/lib/realtime/publish";
import { InvalidStateError } from "../errors";
import { LIFECYCLE, startsFrom } from "../lifecycle";

type Tx = Prisma.TransactionClient;

/** The report row as a save holds it: locked, with its content (whole, or the parts the save touches). */
export interface LockedReport {
  version: number;
  status: string;
  content: ReportContent;
}

/** The row a patch save locks: what the save decides on, and only the parts its changes touch. */
export interface LockedReportParts extends LockedReport {
  id: string;
  organizationId: string;
  year: number;
  formatVersion: string;
  organizationLevel: string;
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
 * Read a report the caller may see (its unit among `visibleOrganizationIds`): what a patch save
 * decides on and the stored parts its changes touch — not the whole content — in one statement,
 * taking the row lock when `lock` is set. Null when the caller may not see it. The parts are read by
 * name; every part name means the same place in any format.
 */
export async function readReportParts(
  client: Pick<Tx, "$queryRaw">,
  reportId: string,
  visibleOrganizationIds: readonly string[],
  parts: readonly string[],
  { lock }: { lock: boolean },
): Promise<LockedReportParts | null> {
  const rows = await client.$queryRaw<(Omit<LockedReportParts, "content"> & { parts: unknown })[]>`
    SELECT r."id"::text AS id, r."organizationId"::text AS "organizationId", r."year",
           r."formatVersion", r."status"::text AS status, r."version",
           o."level"::text AS "organizationLevel",
           (SELECT coalesce(jsonb_object_agg(p.name, r."content" #> string_to_array(p.path, '/')), '{}')
              FROM unnest(${parts}::text[], ${parts.map((part) => partPath(part).join("/"))}::text[]) AS p(name, path)
           ) AS parts
      FROM "Report" r JOIN "Organization" o ON o."id" = r."organizationId"
     WHERE r."id" = ${reportId}::uuid AND r."organizationId" = ANY(${visibleOrganizationIds}::uuid[])
     ${lock ? Prisma.sql`FOR UPDATE OF r` : Prisma.empty}`;
  const row = rows[0];
  if (!row) return null;
  const { parts: stored, ...header } = row;
  return {
    ...header,
    content: contentOfParts(header.formatVersion as FormatId, stored as Record<string, unknown>),
  };
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
 * Write changes into the locked report: only the parts they touch (a touched table with its totals
 * recomputed from its cells), the version bumped, one history row per changed target, the save's
 * record (ReportEdit: which parts) and the notice to other instances (pg_notify, sent on commit) —
 * one statement, inside the caller's transaction.
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
  const written = await writeParts(tx, args, null);
  if (!written) throw new InvalidStateError(LIFECYCLE.save.refused);
  return written;
}

/**
 * The same write as one statement of its own (its own transaction), applied only if the report is
 * still at `read.version` and editable: what `read` holds is then still what is stored. Null when
 * someone saved or the status changed since it was read; nothing is written then.
 */
export async function writeChangesIfUnchanged(
  client: Pick<Tx, "$queryRaw">,
  args: {
    reportId: string;
    actorId: string;
    locked: LockedReport;
    changes: readonly PatchChange[];
  },
): Promise<{ version: number; updatedAt: string } | null> {
  return writeParts(client, args, args.locked.version);
}

async function writeParts(
  client: Pick<Tx, "$queryRaw">,
  args: {
    reportId: string;
    actorId: string;
    locked: LockedReport;
    changes: readonly PatchChange[];
  },
  ifVersion: number | null,
): Promise<{ version: number; updatedAt: string } | null> {
  const { reportId, actorId, locked, changes } = args;
  const targets = editableTargets(locked.content.format);
  const written = writtenParts(locked.content, changes);
  const rows = changes.map((c) => ({
    target: c.target,
    old: targets.get(c.target)!.read(locked.content),
    new: c.value,
  }));
  const parts = [...new Set(changes.map((c) => targets.get(c.target)!.part))];
  const notice = savedNoticeSql(
    { reportId, actorId, targets: changes.map((c) => c.target) },
    Prisma.sql`u."version"`,
  );
  const unchanged =
    ifVersion === null
      ? Prisma.empty
      : Prisma.sql`AND "version" = ${ifVersion} AND "status"::text = ANY(${[...LIFECYCLE.save.from]}::text[])`;
  const result = await client.$queryRaw<{ version: number; updatedAt: Date }[]>`
    WITH updated AS (
      UPDATE "Report"
         SET "content" = (("content" - ${written.removed}::text[]) || ${JSON.stringify(written.top)}::jsonb)
               || jsonb_build_object(
                    'tables', coalesce("content" -> 'tables', '{}') || ${JSON.stringify(written.tables)}::jsonb,
                    'narratives', coalesce("content" -> 'narratives', '{}') || ${JSON.stringify(written.narratives)}::jsonb),
             "version" = "version" + 1, "updatedById" = ${actorId}::uuid, "updatedAt" = now()
       WHERE "id" = ${reportId}::uuid ${unchanged}
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
    ), notice AS (
      SELECT ${notice} FROM updated u
    )
    SELECT u."version", u."updatedAt",
           (SELECT count(*) FROM cells) + (SELECT count(*) FROM edit) + (SELECT count(*) FROM notice) AS recorded
      FROM updated u`;
  const row = result[0];
  return row ? { version: row.version, updatedAt: row.updatedAt.toISOString() } : null;
}
