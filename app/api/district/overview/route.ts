import { requireAuthContext } from "@/lib/auth/context";
import { districtOverview } from "@/lib/district/district-overview";
import { parseDistrictParams, searchParamsOf } from "@/lib/district/overview-params";
import { overviewFileName, overviewSheet, overviewTable } from "@/lib/district/overview-table";
import { CSV_MIME, renderCsv } from "@/lib/export/csv";
import { renderXlsx, XLSX_MIME } from "@/lib/export/xlsx";
import { attachment } from "@/lib/http/attachment";
import { errorResponse, HttpError } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** 下载列表: the dashboard's list, with its filters, as `?format=csv` or `?format=xlsx`. */
export async function GET(request: Request) {
  try {
    const ctx = await requireAuthContext();
    const url = new URL(request.url);
    const format = url.searchParams.get("format") ?? "xlsx";
    if (format !== "csv" && format !== "xlsx") throw new HttpError(400, "format 只能是 csv 或 xlsx。");
    const params = parseDistrictParams(searchParamsOf(url));
    const overview = await districtOverview(ctx, params);
    const body = format === "csv" ? renderCsv(overviewTable(overview)) : await renderXlsx([overviewSheet(overview)]);
    return attachment(body, format === "csv" ? CSV_MIME : XLSX_MIME, overviewFileName(overview, format));
  } catch (error) {
    return errorResponse(error);
  }
}
