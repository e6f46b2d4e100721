import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams } from "@/lib/http/schemas";
import { listChangesSince } from "@/lib/reports/list-changes-since";

export const dynamic = "force-dynamic";

const Query = z.object({
  since: z.coerce
    .number()
    .int("版本号无效。")
    .min(0, "版本号无效。")
    .max(2_147_483_647, "版本号无效。"),
});

/** Colleagues' changes after version `since`: `{ version, changes: [{ target, value, actorName, at }] }`. */
export const GET = route({ params: reportParams, query: Query }, ({ ctx, params, query }) =>
  listChangesSince(ctx, params.id, query.since),
);
