import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { approveReport } from "@/lib/reports/approve-report";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  comment: z.string().max(8000, "审核意见过长。").optional(),
});

/** 通过: the report becomes read-only; a snapshot of what was approved is kept. */
export const POST = route({ input: Input, params: reportParams }, ({ ctx, params, input, ip }) =>
  approveReport(ctx, params.id, input, { ip }),
);
