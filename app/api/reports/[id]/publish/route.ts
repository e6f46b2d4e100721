import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { publishReport } from "@/lib/reports/publish-report";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  url: z.string().min(1, "请填写发布网址。").max(2000, "发布网址过长。"),
  date: z.string().min(1, "请填写发布日期。").max(20),
});

/** 标记为已发布, with the publication URL and date. */
export const POST = route(
  { input: Input, params: reportParams, maxBytes: 16 * 1024 },
  ({ ctx, params, input, ip }) => publishReport(ctx, params.id, input, { ip }),
);
