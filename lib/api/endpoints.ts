/**
 * Every API route the browser calls, typed by the use case behind it: a route returns its use case's
 * result, so the type here is that result, never a hand-written copy. Type-only imports: nothing of
 * the server reaches the browser bundle.
 */
import type { approvedReportsForExport } from "@/lib/district/approved-reports-for-export";
import type { checkPublishedReport } from "@/lib/district/check-published-report";
import type { recordPastReport } from "@/lib/district/record-past-report";
import type { addReviewComment } from "@/lib/reports/add-review-comment";
import type { applyImport } from "@/lib/reports/apply-import";
import type { approveReport } from "@/lib/reports/approve-report";
import type { publishReport } from "@/lib/reports/publish-report";
import type { readPublishedReport } from "@/lib/reports/read-published-report";
import type { returnReport } from "@/lib/reports/return-report";
import type { submitReport } from "@/lib/reports/submit-report";
import { requestFile, requestJson } from "./client";

type ResultOf<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const report = (id: string, path: string) => `/api/reports/${encodeURIComponent(id)}/${path}`;

export interface VersionedComment {
  version: number;
  comment?: string;
}

/** A report as the server reads it: its fields, picked from the use case's result. */
export type ImportPreview = Pick<
  ResultOf<typeof readPublishedReport>,
  "format" | "year" | "organization" | "content" | "findings" | "cellsRead"
>;

export type ApprovedList = Pick<
  ResultOf<typeof approvedReportsForExport>,
  "year" | "zipName" | "reports"
> & { district: string };

export const api = {
  reports: {
    submit: (id: string, input: VersionedComment) =>
      requestJson<ResultOf<typeof submitReport>>("POST", report(id, "submit"), { ...input }),
    approve: (id: string, input: VersionedComment) =>
      requestJson<ResultOf<typeof approveReport>>("POST", report(id, "approve"), { ...input }),
    return: (id: string, input: VersionedComment) =>
      requestJson<ResultOf<typeof returnReport>>("POST", report(id, "return"), { ...input }),
    publish: (id: string, input: { version: number; url: string; date: string }) =>
      requestJson<ResultOf<typeof publishReport>>("POST", report(id, "publish"), { ...input }),
    addComment: (id: string, input: { target: string; body: string }) =>
      requestJson<ResultOf<typeof addReviewComment>>("POST", report(id, "comments"), {
        ...input,
      }),
    deleteComment: (id: string, commentId: string) =>
      requestJson<{ ok: true }>("DELETE", report(id, `comments/${encodeURIComponent(commentId)}`)),
    applyImport: (id: string, input: { version: number; source: unknown; sections: string[] }) =>
      requestJson<ResultOf<typeof applyImport>>("POST", report(id, "import"), { ...input }),
    download: (id: string, format: "docx" | "html" | "pdf") =>
      requestFile(report(id, `export?format=${format}`)),
  },
  imports: {
    /** 从已发布报告导入, step one: a file (`file`) or pasted text (`text`); nothing is stored. */
    read: (form: FormData) => requestJson<ImportPreview>("POST", "/api/import", form),
  },
  district: {
    approved: (query: string) => requestJson<ApprovedList>("GET", `/api/district/approved${query}`),
    checkFile: (form: FormData) =>
      requestJson<ResultOf<typeof checkPublishedReport>>("POST", "/api/district/batch-check", form),
    recordFile: (form: FormData) =>
      requestJson<ResultOf<typeof recordPastReport>>(
        "POST",
        "/api/district/batch-check/apply",
        form,
      ),
  },
};
