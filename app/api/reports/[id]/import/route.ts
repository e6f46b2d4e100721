import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { applyImport } from "@/lib/reports/apply-import";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  source: z.unknown(),
  sections: z
    .array(z.enum(["cover", "s1", "s2", "s3", "s4", "s5", "s6"]))
    .min(1, "请至少选择一个部分。"),
  /** The source holds only tables (an Excel workbook): the draft's texts are kept. */
  tablesOnly: z.boolean().optional(),
});

/** Apply the chosen sections of an imported report to the draft. */
export const POST = route(
  { input: Input, params: reportParams, maxBytes: 2 * 1024 * 1024 },
  ({ ctx, params, input }) => applyImport(ctx, params.id, input),
);
