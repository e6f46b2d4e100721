import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { getReportOrThrow } from "@/lib/reports/get-report-or-throw";
import { saveDraft } from "@/lib/reports/save-draft";
import { savePatch } from "@/lib/reports/save-patch";

export const dynamic = "force-dynamic";

/** A full report is ~30 KB of JSON; long narratives stay well under this. */
const MAX_BODY = 1024 * 1024;

/** The whole report, replaced only if nobody saved since `version` (scripts, older clients). */
const WholeReport = z.object({ version: reportVersion, content: z.unknown() });
/** What the editor changed since `baseVersion`: targets and their values, merged target by target. */
const Patch = z.object({
  baseVersion: reportVersion,
  changes: z
    .array(
      z.object({
        target: z.string().max(100),
        value: z.union([z.number(), z.string(), z.null()]),
        baseVersion: reportVersion.optional(),
      }),
    )
    .max(2000, "一次保存的修改过多。"),
});
const SaveInput = z.union([Patch, WholeReport]);

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

/**
 * Autosave. A patch `{ baseVersion, changes }` → `{ version, applied, changes, conflicts }` (the
 * colleagues' changes since the base, and only the targets they changed too as conflicts); the whole
 * report `{ version, content }` → `{ version, updatedAt }`, or 409 with the current report.
 */
export const PUT = route(
  { input: SaveInput, params: reportParams, maxBytes: MAX_BODY },
  ({ ctx, params, input }) =>
    "changes" in input ? savePatch(ctx, params.id, input) : saveDraft(ctx, params.id, input),
);
