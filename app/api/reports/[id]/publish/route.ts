import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { CORRECTION_NOTE_MAX, publishReport } from "@/lib/reports/publish-report";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  url: z.string().min(1, "请填写发布网址。").max(2000, "发布网址过长。"),
  date: z.string().min(1, "请填写发布日期。").max(20),
  note: z.string().max(CORRECTION_NOTE_MAX, "更正说明过长。").optional(),
});

/** 标记为已发布, with the publication URL and date (and the 更正说明 of a corrected report). */
export const POST = route(
  { input: Input, params: reportParams, maxBytes: 16 * 1024 },
  ({ ctx, params, input, ip }) => publishReport(ctx, params.id, input, { ip }),
);
