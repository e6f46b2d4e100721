import type { ReportContent } from "@/lib/report/content";
import type { Finding } from "@/lib/report/rules";

/** The report changed since the caller read it (optimistic concurrency): here is what it is now. */
export class ConflictError extends Error {
  name = "ConflictError";
  constructor(
    public readonly current: { version: number; content: ReportContent; updatedBy: string | null; updatedAt: string },
  ) {
    super("报告已被他人修改，请比较双方的修改后再保存。");
  }
}

/** The report's status does not allow this (e.g. editing a submitted report). */
export class InvalidStateError extends Error {
  name = "InvalidStateError";
}

/** Submission refused: the report still has errors. */
export class HasErrorsError extends Error {
  name = "HasErrorsError";
  constructor(public readonly findings: Finding[]) {
    super(`报告还有 ${findings.filter((f) => f.severity === "error").length} 处错误，改正后才能提交审核。`);
  }
}
