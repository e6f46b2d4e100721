import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { getReportOrThrow } from "@/lib/reports/get-report-or-throw";
import { saveDraft } from "@/lib/reports/save-draft";

export const dynamic = "force-dynamic";

/** A full report is ~30 KB of JSON; long narratives stay well under this. */
const MAX_BODY = 1024 * 1024;

const SaveInput = z.object({ version: reportVersion, content: z.unknown() });

/** The report's current content and version (the editor reloads it after a conflict). */
export const GET = route({ params: reportParams }, async ({ ctx, params }) => {
  const report = await getReportOrThrow(ctx, params.id);
  return {
    version: report.version,
    status: report.status,
    content: report.content,
    updatedAt: report.updatedAt,
  };
});

/** Autosave: `{ version, content }` → `{ version, updatedAt }`, or 409 with the current report. */
export const PUT = route(
  { input: SaveInput, params: reportParams, maxBytes: MAX_BODY },
  ({ ctx, params, input }) => saveDraft(ctx, params.id, input),
);
