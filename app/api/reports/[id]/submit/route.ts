import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { submitReport } from "@/lib/reports/submit-report";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  comment: z.string().max(8000, "说明过长。").optional(),
});

/** 提交审核: refused (422, with the findings) while the report has errors. */
export const POST = route(
  { input: Input, params: reportParams, maxBytes: 16 * 1024 },
  ({ ctx, params, input: { version, comment }, ip }) =>
    submitReport(ctx, params.id, version, { comment, ip }),
);
