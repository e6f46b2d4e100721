import { ConflictError, UnprocessableError } from "@/lib/errors";
import type { ReportContent } from "@/lib/report/content";
import type { Finding } from "@/lib/report/rules";

/** The report changed since the caller read it (optimistic concurrency): here is what it is now. */
export class ReportChangedError extends ConflictError {
  constructor(
    public readonly current: {
      version: number;
      content: ReportContent;
      updatedBy: string | null;
      updatedAt: string;
    },
  ) {
    super("报告已被他人修改，请比较双方的修改后再保存。", { current });
  }
}

/** The report's status does not allow this (e.g. editing a submitted report). */
export class InvalidStateError extends ConflictError {}

/** Submission refused: the report still has errors. */
export class HasErrorsError extends UnprocessableError {
  constructor(public readonly findings: Finding[]) {
    super(
      `报告还有 ${findings.filter((f) => f.severity === "error").length} 处错误，改正后才能提交审核。`,
      { findings },
    );
  }
}
