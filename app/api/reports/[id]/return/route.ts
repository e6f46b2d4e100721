import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { returnReport } from "@/lib/reports/return-report";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  comment: z.string().max(8000, "总体意见过长。").optional(),
});

/** 退回: back to the editors with the comments written on cells and sections, and an overall comment. */
export const POST = route({ input: Input, params: reportParams }, ({ ctx, params, input, ip }) =>
  returnReport(ctx, params.id, input, { ip }),
);
