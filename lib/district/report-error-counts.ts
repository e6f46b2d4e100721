import { db } from "@/lib/db/client";
import { parseReportContent } from "@/lib/report/content";
import { validate } from "@/lib/report/validate";

export interface CountedReport {
  id: string;
  updatedAt: Date;
  errorCount: number | null;
  errorCountAt: Date | null;
}

/**
 * Error findings per report as the submission gate counts them (every cell filled), or null when the
 * content cannot be read. Validating costs a few milliseconds a report, so a city's overview would
 * spend seconds on it at every view: each report is counted once per change (every write moves its
 * updatedAt) and the count is kept on its row. Only reports changed since they were last counted are
 * read and validated here, in one query, and their counts written back in one statement, guarded by
 * updatedAt, so a save in between is counted again next time. Last year's report is not needed: the
 * rules that compare with it only warn.
 */
export async function reportErrorCounts(
  reports: readonly CountedReport[],
): Promise<Map<string, number | null>> {
  const counts = new Map<string, number | null>();
  const stale: string[] = [];
  for (const r of reports) {
    if (r.errorCountAt?.getTime() === r.updatedAt.getTime()) counts.set(r.id, r.errorCount);
    else stale.push(r.id);
  }
  if (!stale.length) return counts;
  const rows = await db().report.findMany({
    where: { id: { in: stale } },
    select: { id: true, updatedAt: true, content: true },
  });
  const ids: string[] = [];
  // updatedAt as the UTC wall-clock time the column holds (timestamp without time zone), as text, so
  // no driver's time-zone conversion of a Date can shift it.
  const counted: string[] = [];
  const errors: (number | null)[] = [];
  for (const row of rows) {
    const count = errorCount(row.content);
    counts.set(row.id, count);
    ids.push(row.id);
    counted.push(row.updatedAt.toISOString().replace("Z", ""));
    errors.push(count);
  }
  await db().$executeRaw`
    UPDATE "Report" AS r SET "errorCount" = v.errors, "errorCountAt" = v.at
    FROM unnest(${ids}::uuid[], ${counted}::timestamp(3)[], ${errors}::int[]) AS v(id, at, errors)
    WHERE r.id = v.id AND r."updatedAt" = v.at`;
  return counts;
}

function errorCount(content: unknown): number | null {
  const parsed = parseReportContent(content);
  if (!parsed.success) return null;
  return validate(parsed.data, { complete: true }).filter((f) => f.severity === "error").length;
}
