import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams, reportVersion } from "@/lib/http/schemas";
import { withdrawReport } from "@/lib/reports/withdraw-report";

export const dynamic = "force-dynamic";

const Input = z.object({ version: reportVersion });

/** 撤回: the unit takes its submission back before a reviewer has started on it. */
export const POST = route({ input: Input, params: reportParams }, ({ ctx, params, input, ip }) =>
  withdrawReport(ctx, params.id, input, { ip }),
);
