import type { AuthContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { parseReportContent } from "@/lib/report/content";
import { diffContents, type ContentChange } from "@/lib/report/diff";
import { diffText, type TextPiece } from "@/lib/report/text-diff";
import { InvalidStateError } from "./errors";
import { parseTarget } from "@/lib/report/targets";
import { getReportOrThrow } from "./get-report-or-throw";

/** Who changed one cell or text between the two versions, from the cell history (修改记录). */
export interface ChangedBy {
  /** The people, in the order of their first change in between. */
  names: string[];
  /** How many changes were made in between (folded history rows count all they stand for). */
  count: number;
  lastAt: Date;
}

export interface SnapshotComparison {
  a: { number: number; status: string; at: Date };
  b: { number: number; status: string; at: Date };
  /**
   * Cells and fields that differ, with both values; `changedBy` is null where the cell history holds
   * no change in between (versions saved before cell history was kept).
   */
  cells: (ContentChange & { changedBy: ChangedBy | null })[];
  /** Texts (preface, sections) that differ, as a character diff. */
  texts: { key: string; label: string; pieces: TextPiece[]; changedBy: ChangedBy | null }[];
}

const isText = (key: string) => ["preface", "narrative"].includes(parseTarget(key)?.kind ?? "");

/** What changed between two snapshots of a report the caller may see. */
export async function compareSnapshots(
  ctx: AuthContext,
  reportId: string,
  a: number,
  b: number,
): Promise<SnapshotComparison> {
  const report = await getReportOrThrow(ctx, reportId);
  const rows = await db().reportSnapshot.findMany({
    where: { reportId: report.id, number: { in: [a, b] } },
    select: { number: true, status: true, createdAt: true, content: true, reportVersion: true },
  });
  const first = rows.find((r) => r.number === a);
  const second = rows.find((r) => r.number === b);
  if (!first || !second) throw new NotFoundError("未找到所选的版本。");
  const before = parseReportContent(first.content);
  const after = parseReportContent(second.content);
  if (!before.success || !after.success) throw new InvalidStateError("版本内容无法读取。");
  const changes =
    before.data.format === after.data.format ? diffContents(before.data, after.data) : [];
  const changedBy = await changesBetween(
    report.id,
    Math.min(first.reportVersion, second.reportVersion),
    Math.max(first.reportVersion, second.reportVersion),
  );
  const by = (key: string) => changedBy.get(key) ?? null;
  return {
    a: { number: first.number, status: first.status, at: first.createdAt },
    b: { number: second.number, status: second.status, at: second.createdAt },
    cells: changes.filter((c) => !isText(c.key)).map((c) => ({ ...c, changedBy: by(c.key) })),
    texts: changes
      .filter((c) => isText(c.key))
      .map((c) => ({
        key: c.key,
        label: c.label,
        pieces: diffText(c.a, c.b),
        changedBy: by(c.key),
      })),
  };
}

/** Who changed each target in the versions after `from` up to `to`, from the cell history. */
async function changesBetween(
  reportId: string,
  from: number,
  to: number,
): Promise<Map<string, ChangedBy>> {
  const rows = await db().reportCellChange.findMany({
    where: { reportId, reportVersion: { gt: from, lte: to } },
    orderBy: [{ reportVersion: "asc" }, { id: "asc" }],
    select: {
      target: true,
      createdAt: true,
      foldedCount: true,
      actor: { select: { displayName: true } },
    },
  });
  const byTarget = new Map<string, ChangedBy>();
  for (const row of rows) {
    const name = row.actor?.displayName ?? "已删除的用户";
    const seen = byTarget.get(row.target);
    if (!seen) {
      byTarget.set(row.target, { names: [name], count: row.foldedCount, lastAt: row.createdAt });
      continue;
    }
    if (!seen.names.includes(name)) seen.names.push(name);
    seen.count += row.foldedCount;
    seen.lastAt = row.createdAt;
  }
  return byTarget;
}
