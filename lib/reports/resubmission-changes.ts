import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { getFormat, isFormatId } from "@/lib/report/formats";
import { reviewTarget } from "@/lib/report/review-targets";
import { parseTarget } from "@/lib/report/targets";
import type { FormatId } from "@/lib/report/spec-types";
import { compareSnapshots, type SnapshotComparison } from "./compare-snapshots";

export interface AnsweredComment {
  targetLabel: string;
  body: string;
  /** The place the comment was written on (or, for a whole section, anything in it) changed. */
  changed: boolean;
}

export interface ResubmissionChanges extends SnapshotComparison {
  /** The comments of the 退回 between the two submissions, closed by the resubmission. */
  answered: AnsweredComment[];
}

/** The section a changed item belongs to (`s3` for a cell of 三's table, `s6` for a fee field). */
function sectionOf(formatId: FormatId, key: string): string | null {
  const target = parseTarget(key);
  if (!target) return null;
  if (target.kind === "narrative" || target.kind === "section") return target.section;
  if (target.kind === "fee") return "s6";
  if (target.kind !== "cell") return null;
  return (
    getFormat(formatId).sections.find((s) => s.tables.some((t) => t.id === target.tableId))?.key ??
    null
  );
}

/**
 * For the reviewer of a resubmitted report: what changed since the previous submission (cells and
 * texts, from the two SUBMITTED snapshots) and which comments of the 退回 in between were answered
 * by a change at their place. Null for a first submission. The report comes from getReportOrThrow.
 */
export async function resubmissionChanges(
  ctx: AuthContext,
  report: { id: string; formatVersion: string },
): Promise<ResubmissionChanges | null> {
  const submissions = await db().reportSnapshot.findMany({
    where: { reportId: report.id, status: "SUBMITTED" },
    orderBy: { number: "desc" },
    take: 2,
    select: { number: true, createdAt: true },
  });
  if (submissions.length < 2 || !isFormatId(report.formatVersion)) return null;
  const [current, previous] = submissions;
  const formatId = report.formatVersion;
  const comparison = await compareSnapshots(ctx, report.id, previous.number, current.number);
  const comments = await db().reviewComment.findMany({
    where: {
      reportId: report.id,
      transition: {
        toStatus: "RETURNED",
        createdAt: { gt: previous.createdAt, lt: current.createdAt },
      },
    },
    orderBy: { createdAt: "asc" },
    select: { target: true, body: true },
  });
  const changedKeys = new Set([
    ...comparison.cells.map((c) => c.key),
    ...comparison.texts.map((t) => t.key),
  ]);
  const changedSections = new Set(
    [...changedKeys].map((key) => sectionOf(formatId, key)).filter(Boolean),
  );
  return {
    ...comparison,
    answered: comments.map((c) => {
      const target = parseTarget(c.target);
      return {
        targetLabel: reviewTarget(formatId, c.target)?.label ?? c.target,
        body: c.body,
        changed:
          target?.kind === "section"
            ? changedSections.has(target.section)
            : changedKeys.has(c.target),
      };
    }),
  };
}
