import { z } from "zod";
import { districtOverview } from "@/lib/district/district-overview";
import { parseDistrictParams, searchParamsOf } from "@/lib/district/overview-params";
import { overviewFileName, overviewSheet, overviewTable } from "@/lib/district/overview-table";
import { CSV_MIME, renderCsv } from "@/lib/export/csv";
import { renderXlsx, XLSX_MIME } from "@/lib/export/xlsx";
import { attachment } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const Query = z.object({
  format: z.enum(["csv", "xlsx"], { message: "format 只能是 csv 或 xlsx。" }).default("xlsx"),
});

/** 下载列表: the dashboard's list, with its filters, as `?format=csv` or `?format=xlsx`. */
export const GET = route({ query: Query }, async ({ ctx, query: { format }, request }) => {
  const overview = await districtOverview(
    ctx,
    parseDistrictParams(searchParamsOf(new URL(request.url))),
  );
  const body =
    format === "csv"
      ? renderCsv(overviewTable(overview))
      : await renderXlsx([overviewSheet(overview)]);
  return attachment(
    body,
    format === "csv" ? CSV_MIME : XLSX_MIME,
    overviewFileName(overview, format),
  );
});
