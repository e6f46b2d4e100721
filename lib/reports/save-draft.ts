import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { computeTotals } from "@/lib/report/compute-totals";
import { diffToPatch } from "@/lib/report/patch";
import { contentSchema, type ReportContent } from "@/lib/report/content";
import { isFormatId } from "@/lib/report/formats";
import { canEditReport } from "./editable";
import { LIFECYCLE, startsFrom } from "./lifecycle";
import { InvalidStateError, ReportChangedError } from "./errors";
import { isPeoplesGovernment } from "@/lib/orgs/labels";
import { getReportHeaderOrThrow } from "./get-report-or-throw";
import { lockReport, writeChanges } from "./patches/write-changes";

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
  // submit gate validates on the server. The whole content is written as the targets that differ
  // from what the row holds, the same way a patch is, so cell history and colleagues' open editors
  // see this save too; unlike a patch it is refused whole when anyone saved since `version`.
  const saved = await db().$transaction(async (tx) => {
    const locked = await lockReport(tx, report.id);
    if (locked.version !== input.version) return null;
    return writeChanges(tx, {
      reportId: report.id,
      actorId: ctx.user.userId,
      locked,
      changes: diffToPatch(locked.content, content),
    });
  });
  if (!saved) throw await conflictFor(report.id);
  return saved;
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
