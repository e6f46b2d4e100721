import { NextResponse } from "next/server";
import { requireAuthContext } from "@/lib/auth/context";
import { approvedReportsForExport } from "@/lib/district/approved-reports-for-export";
import { currentReportYear } from "@/lib/district/district-overview";
import { parseDistrictParams, searchParamsOf } from "@/lib/district/overview-params";
import { errorResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** 批量导出, step one: the reports of the year that passed review, for the browser to fetch and zip. */
export async function GET(request: Request) {
  try {
    const ctx = await requireAuthContext();
    const { districtId, year } = parseDistrictParams(searchParamsOf(new URL(request.url)));
    const list = await approvedReportsForExport(ctx, { districtId, year: year ?? currentReportYear() });
    return NextResponse.json(
      { year: list.year, district: list.district.name, zipName: list.zipName, reports: list.reports },
      { headers: { "cache-control": "private, no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
