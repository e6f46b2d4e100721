import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { parseReportContent, type ReportContent } from "@/lib/report/content";
import { cellById } from "@/lib/report/cells";
import { formatIdForYear } from "@/lib/report/formats";
import { rollupReports, type Rollup } from "@/lib/report/rollup";
import type { FormatId } from "@/lib/report/spec-types";
import { districtOrThrow, districtUnits, type OrgRef } from "./district-scope";

export interface RollupChoice {
  organization: OrgRef;
  isDistrict: boolean;
  report: { id: string; status: ReportStatus } | null;
  /** Why the unit cannot be summed (no report, another format, unreadable); null when it can. */
  unavailable: string | null;
  selected: boolean;
}

export interface DistrictRollup {
  district: OrgRef;
  districts: OrgRef[];
  year: number;
  format: FormatId;
  choices: RollupChoice[];
  /** The units summed, in the order listed. */
  included: RollupChoice[];
  result: Rollup;
  /** Cells that could not be summed, named for people: `友协街道办事处：三 … — 自然人（“十二”）`. */
  unreadable: string[];
}

/**
 * 汇总: the sum of the chosen units' tables (二, 三, 四) for the year, with the A-rules checked on the
 * sum. Without a choice, every unit below the district that has a report of the year's format.
 * Units outside the caller's district, or without a usable report, are never summed.
 */
export async function rollupForYear(
  ctx: AuthContext,
  input: { districtId?: string | null; year: number; unitIds?: readonly string[] | null },
): Promise<DistrictRollup> {
  const { district, districts } = await districtOrThrow(ctx, input.districtId);
  const units = await districtUnits(ctx, district);
  const format = formatIdForYear(input.year);
  const reports = await db().report.findMany({
    where: { organizationId: { in: units.map((u) => u.id) }, year: input.year },
    select: { id: true, organizationId: true, status: true, formatVersion: true, content: true },
  });
  const byOrg = new Map(reports.map((r) => [r.organizationId, r]));
  const contents = new Map<string, ReportContent>();
  const wanted = input.unitIds ? new Set(input.unitIds) : null;

  const choices: RollupChoice[] = units.map((organization) => {
    const isDistrict = organization.id === district.id;
    const report = byOrg.get(organization.id);
    let unavailable: string | null = null;
    if (!report) unavailable = "尚无本年度报告";
    else {
      const parsed = parseReportContent(report.content);
      if (!parsed.success) unavailable = "报告内容无法读取";
      else if (parsed.data.format !== format)
        unavailable = `使用${parsed.data.format}年版格式，与本年度格式不符`;
      else contents.set(organization.id, parsed.data);
    }
    const selected = !unavailable && (wanted ? wanted.has(organization.id) : !isDistrict);
    return {
      organization,
      isDistrict,
      report: report ? { id: report.id, status: report.status } : null,
      unavailable,
      selected,
    };
  });

  const included = choices.filter((c) => c.selected);
  const result = rollupReports(
    format,
    included.map((c) => contents.get(c.organization.id)!),
    {
      organization: `${district.fullName}（汇总）`,
      year: input.year,
    },
  );
  const unreadable = result.unreadable.map((u) => {
    const cell = cellById(format, u.cell);
    return `${included[u.part].organization.name}：${cell?.label ?? u.cell}（“${String(u.raw)}”）`;
  });
  return { district, districts, year: input.year, format, choices, included, result, unreadable };
}
