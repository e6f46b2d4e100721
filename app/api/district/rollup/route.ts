import { currentReportYear } from "@/lib/district/district-overview";
import {
  parseDistrictParams,
  parseUnitChoice,
  searchParamsOf,
} from "@/lib/district/overview-params";
import { rollupForYear } from "@/lib/district/rollup-for-year";
import { rollupSheets } from "@/lib/district/rollup-workbook";
import { renderXlsx, XLSX_MIME } from "@/lib/export/xlsx";
import { attachment } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** 下载汇总表 (XLSX): `?year=&district=&unit=…&unit=…` — the same choice as the roll-up page. */
export const GET = route({}, async ({ ctx, request }) => {
  const params = searchParamsOf(new URL(request.url));
  const { districtId, year } = parseDistrictParams(params);
  const rollup = await rollupForYear(ctx, {
    districtId,
    year: year ?? currentReportYear(),
    unitIds: parseUnitChoice(params),
  });
  const title = `${rollup.district.name}${rollup.year}年度汇总`;
  const included = rollup.included.map((c) => ({
    name: c.organization.fullName,
    status: c.report!.status,
  }));
  const sheets = rollupSheets({
    title,
    content: rollup.result.content,
    findings: rollup.result.findings,
    included,
    unreadable: rollup.unreadable,
  });
  return attachment(await renderXlsx(sheets), XLSX_MIME, `${title}表.xlsx`);
});
