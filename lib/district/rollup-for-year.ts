import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { parseReportContent, type ReportContent } from "@/lib/report/content";
import { STATUS_LABEL } from "@/lib/orgs/labels";
import { cellById, listCells } from "@/lib/report/cells";
import { formatIdForYear } from "@/lib/report/formats";
import { rollupReports, type Rollup } from "@/lib/report/rollup";
import type { FormatId } from "@/lib/report/spec-types";
import { districtOrThrow, districtUnits, type OrgRef } from "./district-scope";
import { getFormat } from "@/lib/report/formats";

export interface RollupChoice {
  organization: OrgRef;
  isDistrict: boolean;
  report: { id: string; status: ReportStatus } | null;
  /** Why the unit cannot be summed (no report, another format, unreadable); null when it can. */
  unavailable: string | null;
  /** The report's tables hold no figure at all: summing it adds nothing and proves nothing. */
  empty: boolean;
  selected: boolean;
}

/** Statuses summed when no choice is made: what a reviewer has passed. */
export const ROLLUP_DEFAULT_STATUSES: readonly ReportStatus[] = ["APPROVED", "PUBLISHED"];

export interface DistrictRollup {
  district: OrgRef;
  districts: OrgRef[];
  year: number;
  format: FormatId;
  choices: RollupChoice[];
  /** The units summed, in the order listed. */
  included: RollupChoice[];
  /** The units below the district left out of the sum, each with the reason. */
  notIncluded: { organization: OrgRef; reason: string }[];
  /** Summed units whose tables are empty: the A-rules holding on the sum says nothing about them. */
  emptyIncluded: RollupChoice[];
  result: Rollup;
  /** Cells that could not be summed, named for people: `友协街道办事处：三 … — 自然人（“十二”）`. */
  unreadable: string[];
}

type SummedTables = Pick<ReportContent, "format" | "tables">;

/**
 * The year's reports of the units with what the roll-up reads of them: the format and the tables, or
 * null when the content cannot be read. A report's error count is kept on its row with the updatedAt
 * it was counted at (lib/district/report-error-counts.ts), and a count means the content parsed: for
 * such a report the tables alone are read, in the same row as that count, and not parsed again. Only
 * a report changed since it was counted is read whole and parsed, as it always was.
 */
async function yearReports(organizationIds: string[], year: number) {
  if (!organizationIds.length) return [];
  const rows = await db().$queryRaw<
    {
      id: string;
      organizationId: string;
      status: ReportStatus;
      counted: boolean;
      readable: boolean;
      format: string | null;
      tables: ReportContent["tables"] | null;
    }[]
  >`
    SELECT id, "organizationId", status,
      "errorCountAt" IS NOT DISTINCT FROM "updatedAt" AS counted,
      "errorCount" IS NOT NULL AS readable,
      content->>'format' AS format, content->'tables' AS tables
    FROM "Report"
    WHERE "organizationId" = ANY(${organizationIds}::uuid[]) AND year = ${year}`;
  const stale = rows.filter((r) => !r.counted).map((r) => r.id);
  const parsed = new Map<string, SummedTables | null>();
  if (stale.length) {
    const whole = await db().report.findMany({
      where: { id: { in: stale } },
      select: { id: true, content: true },
    });
    for (const row of whole) {
      const content = parseReportContent(row.content);
      parsed.set(row.id, content.success ? content.data : null);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    status: r.status,
    tables: r.counted
      ? r.readable
        ? { format: r.format as FormatId, tables: r.tables! }
        : null
      : (parsed.get(r.id) ?? null),
  }));
}

/** Whether any typed (not computed) cell of the report's tables holds something. */
function hasFigures(content: SummedTables): boolean {
  return listCells(content.format).some((cell) => {
    if (cell.computed) return false;
    const value = content.tables[cell.tableId]?.[cell.rowKey]?.[cell.columnKey];
    return value !== null && value !== undefined && String(value).trim() !== "";
  });
}

/** Why a unit below the district is not in the sum. */
function reasonLeftOut(choice: RollupChoice): string {
  if (choice.unavailable) return choice.unavailable;
  if (choice.report && !ROLLUP_DEFAULT_STATUSES.includes(choice.report.status))
    return `尚未通过审核（${STATUS_LABEL[choice.report.status]}）`;
  return "未选择";
}

/**
 * 汇总: the sum of the chosen units' tables (二, 三, 四) for the year, with the A-rules checked on the
 * sum. Without a choice, every unit below the district whose report of the year's format has passed
 * review (approved or published): a draft's figures are not yet anyone's. The units left out are
 * listed with the reason, and summed units with empty tables are named, so that a sum that balances
 * is not read as a district whose reports all balance. Units outside the caller's district, or
 * without a usable report, are never summed.
 */
export async function rollupForYear(
  ctx: AuthContext,
  input: { districtId?: string | null; year: number; unitIds?: readonly string[] | null },
): Promise<DistrictRollup> {
  const { district, districts } = await districtOrThrow(ctx, input.districtId);
  const units = await districtUnits(ctx, district);
  const format = formatIdForYear(input.year);
  const reports = await yearReports(
    units.map((u) => u.id),
    input.year,
  );
  const byOrg = new Map(reports.map((r) => [r.organizationId, r]));
  const contents = new Map<string, SummedTables>();
  const wanted = input.unitIds ? new Set(input.unitIds) : null;

  const choices: RollupChoice[] = units.map((organization) => {
    const isDistrict = organization.id === district.id;
    const report = byOrg.get(organization.id);
    let unavailable: string | null = null;
    if (!report) unavailable = "尚无本年度报告";
    else if (!report.tables) unavailable = "报告内容无法读取";
    else if (report.tables.format !== format)
      unavailable = `使用${getFormat(report.tables.format).label}，与本年度格式不符`;
    else contents.set(organization.id, report.tables);
    const selected =
      !unavailable &&
      (wanted
        ? wanted.has(organization.id)
        : !isDistrict && ROLLUP_DEFAULT_STATUSES.includes(report!.status));
    const content = contents.get(organization.id);
    return {
      organization,
      isDistrict,
      report: report ? { id: report.id, status: report.status } : null,
      unavailable,
      empty: content ? !hasFigures(content) : false,
      selected,
    };
  });

  const included = choices.filter((c) => c.selected);
  const notIncluded = choices
    .filter((c) => !c.selected && !c.isDistrict)
    .map((c) => ({ organization: c.organization, reason: reasonLeftOut(c) }));
  const emptyIncluded = included.filter((c) => c.empty);
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
  return {
    district,
    districts,
    year: input.year,
    format,
    choices,
    included,
    notIncluded,
    emptyIncluded,
    result,
    unreadable,
  };
}
