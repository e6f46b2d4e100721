import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { CORRECTION_REASON_MAX, reopenForCorrection } from "@/lib/reports/reopen-for-correction";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  reason: z.string().min(1, "请填写更正原因。").max(CORRECTION_REASON_MAX, "更正原因过长。"),
});

/** 更正: an admin reopens a published report; the published version stays public until replaced. */
export const POST = route(
  { input: Input, params: reportParams, maxBytes: 16 * 1024 },
  ({ ctx, params, input, ip }) => reopenForCorrection(ctx, params.id, input, { ip }),
);
