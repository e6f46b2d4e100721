import type { AuthContext } from "@/lib/auth/context";
import { checkThrottle, recordFailure, type ThrottleRule } from "@/lib/auth/throttle";
import { TooManyRequestsError, ValidationError } from "@/lib/errors";
import type { ImportResult } from "@/lib/import";
import { DocxReadError } from "@/lib/import/import-bytes";
import type { ReportContent } from "@/lib/report/content";
import { importInWorker } from "@/lib/workers/import-pool";
import { getReportHeaderOrThrow } from "./get-report-or-throw";
import { previousReportContent } from "./previous-report";

/** The largest upload read (the whole request, form fields included). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reading a file is the most expensive thing a signed-in user can ask for: thirty a minute each, counted
 * in PostgreSQL like the sign-in attempts (so every instance behind the load balancer shares the count).
 */
export const IMPORTS_PER_USER: ThrottleRule = { kind: "import:user", limit: 30, windowMs: 60_000 };

/** The name pasted text is read under (it gives the importer no hint, unlike a file's name). */
const PASTED = "粘贴的文字.txt";

/** Counts one read against the caller's allowance, or refuses (429) once it is spent. A batch counts once. */
export async function chargeImport(ctx: AuthContext): Promise<void> {
  const throttle = await checkThrottle(IMPORTS_PER_USER, ctx.user.userId);
  if (throttle.blocked) {
    const seconds = Math.ceil(throttle.retryAfterMs / 1000);
    throw new TooManyRequestsError(
      `导入过于频繁（每分钟最多 ${IMPORTS_PER_USER.limit} 次），请 ${seconds} 秒后再试。`,
      seconds,
    );
  }
  await recordFailure(IMPORTS_PER_USER, ctx.user.userId);
}

/**
 * A published report uploaded (DOCX, HTML, text) or pasted, read into the structured form with its
 * findings — in a worker thread of the import pool, so that no file can take the server down with it.
 * Each call is charged to the caller (chargeImport) unless the caller has charged the batch it belongs to.
 * `previous`: last year's report of the same unit, when known (X1, X2, X8, and cutting figures that ran together).
 */
export async function readPublishedReport(
  ctx: AuthContext,
  input: { fileName: string; bytes: Uint8Array } | { text: string },
  options: { charged?: boolean; previous?: ReportContent | null } = {},
): Promise<ImportResult> {
  if ("text" in input && !input.text.trim()) throw new ValidationError("请粘贴报告的文字。");
  if (!options.charged) await chargeImport(ctx);
  const { fileName, bytes } =
    "text" in input ? { fileName: PASTED, bytes: new TextEncoder().encode(input.text) } : input;
  try {
    return await importInWorker(fileName, bytes, { previous: options.previous ?? undefined });
  } catch (error) {
    if (error instanceof DocxReadError)
      throw new ValidationError(`无法读取该 DOCX 文件：${error.message}`);
    throw error;
  }
}

/**
 * The unit's report of the year before the draft's, for reading a file into that draft: the caller
 * must be allowed to see the draft (any other id is a 404), and a unit without last year's report in
 * the system gets null.
 */
export async function previousForDraft(
  ctx: AuthContext,
  reportId: string,
): Promise<ReportContent | null> {
  const draft = await getReportHeaderOrThrow(ctx, reportId);
  return previousReportContent(draft.organizationId, draft.year);
}
