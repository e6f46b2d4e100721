import type { CsvValue } from "@/lib/export/csv";
import type { XlsxSheet } from "@/lib/export/xlsx";
import { formatDateTime } from "@/lib/format-date";
import { ORG_LEVEL_LABEL } from "@/lib/orgs/labels";
import { UNIT_STATUS_LABEL, type DistrictOverview } from "./district-overview";

/** The dashboard's list as a table to download (CSV and XLSX hold the same rows). */
export const OVERVIEW_COLUMNS = [
  { label: "单位", width: 34 },
  { label: "类别", width: 12 },
  { label: "年度", width: 8 },
  { label: "状态", width: 10 },
  { label: "最后编辑人", width: 16 },
  { label: "最后编辑时间", width: 18 },
  { label: "错误数", width: 8 },
  { label: "截止日期", width: 12 },
  { label: "剩余天数", width: 10 },
  { label: "期限情况", width: 14 },
  { label: "发布日期", width: 12 },
] as const;

export function overviewRows(overview: DistrictOverview): CsvValue[][] {
  return overview.units.map((u) => [
    u.organization.fullName,
    u.isDistrict
      ? `${ORG_LEVEL_LABEL[u.organization.level]}（本级）`
      : ORG_LEVEL_LABEL[u.organization.level],
    overview.year,
    UNIT_STATUS_LABEL[u.status],
    u.report?.updatedBy ?? null,
    u.report ? formatDateTime(u.report.updatedAt) : null,
    u.report?.errors ?? null,
    u.deadline,
    u.deadlineState.daysLeft,
    u.deadlineState.text,
    u.report?.publishedOn ?? null,
  ]);
}

export function overviewTable(overview: DistrictOverview): CsvValue[][] {
  return [OVERVIEW_COLUMNS.map((c) => c.label), ...overviewRows(overview)];
}

export function overviewSheet(overview: DistrictOverview): XlsxSheet {
  return {
    name: `${overview.year}年度报告进度`,
    rows: [
      OVERVIEW_COLUMNS.map((c) => ({ value: c.label, style: "header" as const })),
      ...overviewRows(overview),
    ],
    columnWidths: OVERVIEW_COLUMNS.map((c) => c.width),
    frozenRows: 1,
  };
}

export function overviewFileName(overview: DistrictOverview, extension: "csv" | "xlsx"): string {
  return `${overview.district.name}${overview.year}年度报告进度.${extension}`;
}
