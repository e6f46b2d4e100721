import type { ImportResult } from "@/lib/import/types";
import type { ReportContent } from "@/lib/report/content";

/** One file to read, as the pool posts it to an import worker. */
export interface ImportJob {
  fileName: string;
  bytes: Uint8Array;
  /** Last year's report of the same unit, when known: its figures help cut figures that ran together (X2). */
  previous?: ReportContent;
}

/** The worker's answer: the result, or the refusal as data — its kind, HTTP status and Chinese message. */
export type ImportReply =
  | { ok: true; result: ImportResult }
  | {
      ok: false;
      kind: "docx" | "refused" | "refusal" | "unexpected";
      status: number;
      message: string;
    };
