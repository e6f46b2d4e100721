import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { computeTotals } from "@/lib/report/compute-totals";
import { contentSchema, type ReportContent } from "@/lib/report/content";
import { isFormatId } from "@/lib/report/formats";
import { canEditReport } from "./editable";
import { LIFECYCLE, startsFrom } from "./lifecycle";

/** The statuses a save may write in, as the conditional statement compares them. */
const EDITABLE: string[] = [...LIFECYCLE.save.from];
import { InvalidStateError, ReportChangedError } from "./errors";
import { isPeoplesGovernment } from "@/lib/orgs/labels";
import { getReportHeaderOrThrow } from "./get-report-or-throw";

export interface SaveDraftInput {
  /** The version the editor's content is based on. */
  version: number;
  content: unknown;
}

export interface SaveDraftResult {
  version: number;
  updatedAt: string;
}

/**
 * Save a draft as the user left it (errors included — a draft never loses input), totals recomputed
 * here rather than trusted, only if nobody saved since `version` was read.
 */
export async function saveDraft(
  ctx: AuthContext,
  reportId: string,
  input: SaveDraftInput,
): Promise<SaveDraftResult> {
  const report = await getReportHeaderOrThrow(ctx, reportId);
  if (!canEditReport(ctx, report)) {
    if (!startsFrom("save", report.status)) throw new InvalidStateError(LIFECYCLE.save.refused);
    throw new ForbiddenError("只有本单位的填报员或管理员可以修改报告。");
  }
  if (!isFormatId(report.formatVersion)) throw new InvalidStateError("报告格式未知。");
  const parsed = contentSchema(report.formatVersion).parse(input.content);
  // The year, the unit's kind and the format belong to the report record, not to what a client sends.
  const content = computeTotals({
    ...parsed,
    meta: {
      ...parsed.meta,
      year: report.year,
      isPeoplesGovernment: isPeoplesGovernment(report.organization.level),
    },
  });
  // No validation here: the editor validates every keystroke with last year's report in hand, and the
  // submit gate validates on the server. The write is one conditional
  // statement (the version check and the status check are its WHERE): the content goes in as one JSON
  // text, which spares the client library walking 200 cells to build the statement. The same statement
  // records the save (ReportEdit: who, the new version, the top-level parts that differ from what the
  // row held), so no save goes unrecorded and no record exists without its save.
  const written = await db().$queryRaw<{ saved: number }[]>`
      WITH old AS (
        SELECT "content" FROM "Report"
         WHERE "id" = ${report.id}::uuid AND "version" = ${input.version} AND "status"::text = ANY(${EDITABLE})
         FOR UPDATE
      ), updated AS (
        UPDATE "Report" r
           SET "content" = ${JSON.stringify(content)}::jsonb, "version" = r."version" + 1,
               "updatedById" = ${ctx.user.userId}::uuid, "updatedAt" = now()
          FROM old
         WHERE r."id" = ${report.id}::uuid AND r."version" = ${input.version} AND r."status"::text = ANY(${EDITABLE})
        RETURNING r."version", old."content" AS before, r."content" AS after
      ), edit AS (
        INSERT INTO "ReportEdit" ("id", "reportId", "actorId", "reportVersion", "targets")
        SELECT gen_random_uuid(), ${report.id}::uuid, ${ctx.user.userId}::uuid, u."version", ARRAY(
                 SELECT k FROM jsonb_object_keys(u.after) k
                  WHERE k NOT IN ('tables', 'narratives') AND (u.after -> k) IS DISTINCT FROM (u.before -> k)
                 UNION ALL
                 SELECT 'tables.' || k FROM jsonb_object_keys(u.after -> 'tables') k
                  WHERE (u.after -> 'tables' -> k) IS DISTINCT FROM (u.before -> 'tables' -> k)
                 UNION ALL
                 SELECT 'narratives.' || k FROM jsonb_object_keys(u.after -> 'narratives') k
                  WHERE (u.after -> 'narratives' -> k) IS DISTINCT FROM (u.before -> 'narratives' -> k)
               )
          FROM updated u
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM updated)::int AS saved, (SELECT count(*) FROM edit)::int AS recorded`;
  if (!written[0]?.saved) throw await conflictFor(report.id);
  return {
    version: input.version + 1,
    updatedAt: new Date().toISOString(),
  };
}

async function conflictFor(reportId: string): Promise<Error> {
  const current = await db().report.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      version: true,
      content: true,
      status: true,
      updatedAt: true,
      updatedBy: { select: { displayName: true } },
    },
  });
  if (!startsFrom("save", current.status)) return new InvalidStateError(LIFECYCLE.save.refused);
  return new ReportChangedError({
    version: current.version,
    content: current.content as unknown as ReportContent,
    updatedBy: current.updatedBy?.displayName ?? null,
    updatedAt: current.updatedAt.toISOString(),
  });
}
