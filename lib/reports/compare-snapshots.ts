import type { AuthContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import { parseReportContent } from "@/lib/report/content";
import { diffContents, type ContentChange } from "@/lib/report/diff";
import { diffText, type TextPiece } from "@/lib/report/text-diff";
import { InvalidStateError } from "./errors";
import { parseTarget } from "@/lib/report/targets";
import { getReportOrThrow } from "./get-report-or-throw";

export interface SnapshotComparison {
  a: { number: number; status: string; at: Date };
  b: { number: number; status: string; at: Date };
  /** Cells and fields that differ, with both values. */
  cells: ContentChange[];
  /** Texts (preface, sections) that differ, as a character diff. */
  texts: { key: string; label: string; pieces: TextPiece[] }[];
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
    select: { number: true, status: true, createdAt: true, content: true },
  });
  const first = rows.find((r) => r.number === a);
  const second = rows.find((r) => r.number === b);
  if (!first || !second) throw new NotFoundError("未找到所选的版本。");
  const before = parseReportContent(first.content);
  const after = parseReportContent(second.content);
  if (!before.success || !after.success) throw new InvalidStateError("版本内容无法读取。");
  const changes =
    before.data.format === after.data.format ? diffContents(before.data, after.data) : [];
  return {
    a: { number: first.number, status: first.status, at: first.createdAt },
    b: { number: second.number, status: second.status, at: second.createdAt },
    cells: changes.filter((c) => !isText(c.key)),
    texts: changes
      .filter((c) => isText(c.key))
      .map((c) => ({ key: c.key, label: c.label, pieces: diffText(c.a, c.b) })),
  };
}
