/**
 * Every API route the browser calls, typed by the use case behind it: a route returns its use case's
 * result, so the type here is that result, never a hand-written copy. Type-only imports: nothing of
 * the server reaches the browser bundle.
 */
import type { approvedReportsForExport } from "@/lib/district/approved-reports-for-export";
import type { checkPublishedReport } from "@/lib/district/check-published-report";
import type { recordPastReport } from "@/lib/district/record-past-report";
import type { sendReminders } from "@/lib/district/send-reminders";
import type { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import type { addReviewComment } from "@/lib/reports/add-review-comment";
import type { applyImport } from "@/lib/reports/apply-import";
import type { approveReport } from "@/lib/reports/approve-report";
import type { listCellHistory } from "@/lib/reports/list-cell-history";
import type { listChangesSince } from "@/lib/reports/list-changes-since";
import type { publishReport } from "@/lib/reports/publish-report";
import type { readPublishedReport } from "@/lib/reports/read-published-report";
import type { reopenForCorrection } from "@/lib/reports/reopen-for-correction";
import type { returnReport } from "@/lib/reports/return-report";
import type { submitReport } from "@/lib/reports/submit-report";
import type { withdrawReport } from "@/lib/reports/withdraw-report";
import { requestFile, requestJson, requestStreamedFile } from "./client";

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
    publish: (id: string, input: { version: number; url: string; date: string; note?: string }) =>
      requestJson<ResultOf<typeof publishReport>>("POST", report(id, "publish"), { ...input }),
    addComment: (id: string, input: { target: string; body: string }) =>
      requestJson<ResultOf<typeof addReviewComment>>("POST", report(id, "comments"), {
        ...input,
      }),
    deleteComment: (id: string, commentId: string) =>
      requestJson<{ ok: true }>("DELETE", report(id, `comments/${encodeURIComponent(commentId)}`)),
    applyImport: (
      id: string,
      input: { version: number; source: unknown; sections: string[]; tablesOnly?: boolean },
    ) => requestJson<ResultOf<typeof applyImport>>("POST", report(id, "import"), { ...input }),
    withdraw: (id: string, input: { version: number }) =>
      requestJson<ResultOf<typeof withdrawReport>>("POST", report(id, "withdraw"), { ...input }),
    correct: (id: string, input: { version: number; reason: string }) =>
      requestJson<ResultOf<typeof reopenForCorrection>>("POST", report(id, "correct"), {
        ...input,
      }),
    changesSince: (id: string, since: number) =>
      requestJson<ResultOf<typeof listChangesSince>>("GET", report(id, `changes?since=${since}`)),
    cellHistory: (id: string, target: string) =>
      requestJson<{ entries: ResultOf<typeof listCellHistory> }>(
        "GET",
        report(id, `cell-history?target=${encodeURIComponent(target)}`),
      ),
    download: (id: string, format: "docx" | "html" | "pdf" | "xlsx") =>
      requestFile(report(id, `export?format=${format}`)),
  },
  imports: {
    /** 从已发布报告导入, step one: a file (`file`) or pasted text (`text`); nothing is stored. */
    read: (form: FormData) => requestJson<ImportPreview>("POST", "/api/import", form),
  },
  notifications: {
    markRead: (input: { all: true } | { ids: string[] }) =>
      requestJson<ResultOf<typeof markNotificationsRead>>("POST", "/api/notifications/read", {
        ...input,
      }),
  },
  district: {
    remind: (input: { districtId: string | null; year: number }) =>
      requestJson<ResultOf<typeof sendReminders>>("POST", "/api/district/remind", { ...input }),
    approved: (query: string) => requestJson<ApprovedList>("GET", `/api/district/approved${query}`),
    /** The chosen reports of the list above as one ZIP, streamed; `onChunk` sees it arrive. */
    approvedZip: (
      input: { districtId: string | null; year: number; reportIds: string[] },
      onChunk: (chunk: Uint8Array) => void,
    ) => requestStreamedFile("/api/district/approved/zip", { ...input }, onChunk),
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
