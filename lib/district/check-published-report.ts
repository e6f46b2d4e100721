import type { AuthContext } from "@/lib/auth/context";
import { checkThrottle, recordFailure, type ThrottleRule } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { AppError, TooManyRequestsError } from "@/lib/errors";
import { findingsWithPrevious } from "@/lib/import/batch/findings-with-previous";
import { countFindings, fileKind } from "@/lib/import/batch/summary";
import { isZipName } from "@/lib/import/batch/zip-limits";
import type { ReportContent } from "@/lib/report/content";
import type { Finding, RuleId } from "@/lib/report/rules";
import type { FormatId } from "@/lib/report/spec-types";
import { previousReportContent } from "@/lib/reports/previous-report";
import { readPublishedReport } from "@/lib/reports/read-published-report";
import { districtOrThrow, districtUnits } from "./district-scope";
import { matchUnit } from "./match-unit";

export interface CheckedReport {
  file: string;
  kind: string;
  readable: true;
  organization: string | null;
  year: number | null;
  format: FormatId;
  cellsRead: number;
  errors: number;
  warnings: number;
  rules: RuleId[];
  findings: Finding[];
  /** The importer's own findings, and the content: for checking again against another file of the batch as last year's. */
  documentFindings: Finding[];
  content: ReportContent;
  /** The district's unit the report names, when exactly one matches. */
  unit: { id: string; name: string } | null;
  /** That unit's report of the same year in the system, if it has one (then nothing can be recorded). */
  existing: { id: string; status: ReportStatus } | null;
  /** What served as last year's report for X1, X2 and X8: the unit's report of the year before in the system. */
  previous: string | null;
}

export interface UnreadableReport {
  file: string;
  kind: string;
  readable: false;
  /** Why, in Chinese, naming the file. */
  problem: string;
}

export type BatchCheckResult = CheckedReport | UnreadableReport;

/**
 * A batch is up to 200 files sent one per request, more than the single import's thirty a minute: a
 * district's overseers get an allowance of their own for it, counted in PostgreSQL the same way.
 */
export const BATCH_CHECKS_PER_USER: ThrottleRule = {
  kind: "batch-check:user",
  limit: 400,
  windowMs: 10 * 60_000,
};

async function chargeBatchFile(ctx: AuthContext): Promise<void> {
  const throttle = await checkThrottle(BATCH_CHECKS_PER_USER, ctx.user.userId);
  if (throttle.blocked) {
    const seconds = Math.ceil(throttle.retryAfterMs / 1000);
    throw new TooManyRequestsError(
      `批量检查过于频繁（每10分钟最多 ${BATCH_CHECKS_PER_USER.limit} 份），请 ${seconds} 秒后再试。`,
      seconds,
    );
  }
  await recordFailure(BATCH_CHECKS_PER_USER, ctx.user.userId);
}

/** Refusals that are about the file itself (unreadable, wrong kind, too large): that file's line, not the request's failure. */
const FILE_REFUSALS = new Set([400, 413, 415, 422]);

/**
 * 批量检查, one file: a published report of one of the district's units read and checked as the CLI
 * does, and matched to the unit it names. Nothing is stored. A file the importer refuses is an answer
 * (its line says why), not a failure of the request: one bad file must not stop a batch.
 */
export async function checkPublishedReport(
  ctx: AuthContext,
  input: { districtId?: string | null; fileName: string; bytes: Uint8Array },
): Promise<BatchCheckResult> {
  const { district } = await districtOrThrow(ctx, input.districtId);
  const file = input.fileName;
  const kind = fileKind(file);
  if (isZipName(file)) {
    return {
      file,
      kind,
      readable: false,
      problem: `${file}：压缩包中不能再套压缩包，请解压后直接上传其中的报告。`,
    };
  }
  await chargeBatchFile(ctx);
  let imported;
  try {
    imported = await readPublishedReport(
      ctx,
      { fileName: file, bytes: input.bytes },
      { charged: true },
    );
  } catch (error) {
    // The importer's refusals (kind not read, damaged file) carry a Chinese message; a busy pool (503) is the request's.
    if (error instanceof AppError && FILE_REFUSALS.has(error.status)) {
      return {
        file,
        kind,
        readable: false,
        problem: error.message.includes(file) ? error.message : `${file}：${error.message}`,
      };
    }
    throw error;
  }
  const units = await districtUnits(ctx, district);
  const unit = matchUnit(units, imported.organization);
  const year = imported.year;
  let findings = imported.findings;
  let previous: string | null = null;
  let existing: CheckedReport["existing"] = null;
  if (unit && year !== null) {
    existing = await db().report.findUnique({
      where: { organizationId_year: { organizationId: unit.id, year } },
      select: { id: true, status: true },
    });
    const last = await previousReportContent(unit.id, year);
    if (last) {
      // Which unit and year a file is are known only once it is read. Cells left open (S5) may be figures
      // that ran together, which last year's report can settle: the file is read again with it.
      if (imported.documentFindings.some((f) => f.rule === "S5"))
        imported = await readPublishedReport(
          ctx,
          { fileName: file, bytes: input.bytes },
          { charged: true, previous: last },
        );
      findings = findingsWithPrevious(imported, last);
      previous = `系统中${unit.name}的${year - 1}年度报告`;
    }
  }
  return {
    file,
    kind,
    readable: true,
    organization: imported.organization,
    year,
    format: imported.format,
    cellsRead: imported.cellsRead,
    ...countFindings(findings),
    findings,
    documentFindings: imported.documentFindings,
    content: imported.content,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    existing,
    previous,
  };
}
