import { approvedReportsForExport } from "@/lib/district/approved-reports-for-export";
import { currentReportYear } from "@/lib/district/district-overview";
import { parseDistrictParams, searchParamsOf } from "@/lib/district/overview-params";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** 批量导出, step one: the reports of the year that passed review, for the browser to fetch and zip. */
export const GET = route({}, async ({ ctx, request }) => {
  const { districtId, year } = parseDistrictParams(searchParamsOf(new URL(request.url)));
  const list = await approvedReportsForExport(ctx, {
    districtId,
    year: year ?? currentReportYear(),
  });
  return {
    year: list.year,
    district: list.district.name,
    zipName: list.zipName,
    reports: list.reports,
  };
});
