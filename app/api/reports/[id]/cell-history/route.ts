import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams } from "@/lib/http/schemas";
import { listCellHistory } from "@/lib/reports/list-cell-history";

export const dynamic = "force-dynamic";

const Query = z.object({ target: z.string().min(1, "缺少单元格或字段。").max(100) });

/** 修改记录 of one cell or field: `{ entries: [{ actorName, at, oldValue, newValue, … }] }`, oldest first. */
export const GET = route(
  { params: reportParams, query: Query },
  async ({ ctx, params, query }) => ({
    entries: await listCellHistory(ctx, params.id, query.target),
  }),
);
