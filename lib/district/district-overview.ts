import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { OrgLevel, ReportStatus } from "@/lib/db/generated/enums";
import { STATUS_LABEL } from "@/lib/orgs/labels";
import { currentReportYear } from "@/lib/report/deadline";
import { userNames } from "@/lib/users/user-names";
import { deadlineState, reportDeadline, type DeadlineState } from "./deadline";
import { districtOrThrow, districtUnits, type OrgRef } from "./district-scope";
import { reportErrorCounts } from "./report-error-counts";
import { isLateUnit } from "./late-units";

/** A unit's state for the year: its report's status, or 未创建 when it has none. */
export type UnitStatus = ReportStatus | "MISSING";

export const UNIT_STATUS_LABEL: Record<UnitStatus, string> = { ...STATUS_LABEL, MISSING: "未创建" };
export const UNIT_STATUSES: UnitStatus[] = [
  "MISSING",
  "DRAFT",
  "RETURNED",
  "SUBMITTED",
  "APPROVED",
  "PUBLISHED",
];

export interface OverviewFilters {
  /** One status, or OVERDUE: not published and past the deadline. */
  status?: UnitStatus | "OVERDUE" | null;
  level?: OrgLevel | null;
}

export interface UnitProgress {
  organization: OrgRef;
  /** The district's own report (a people's government: 31 March). */
  isDistrict: boolean;
  status: UnitStatus;
  report: {
    id: string;
    formatVersion: string;
    updatedAt: Date;
    updatedBy: string | null;
    /** Error findings as the submission gate counts them (every cell filled); null when the content cannot be read. */
    errors: number | null;
    publishedOn: string | null;
  } | null;
  deadline: string;
  deadlineState: DeadlineState;
}

export interface DistrictOverview {
  district: OrgRef;
  /** Every district the caller oversees (to switch between). */
  districts: OrgRef[];
  year: number;
  /** Years to choose from: every year with a report in the district, and the year being reported on now. */
  years: number[];
  /** The units that pass the filters. */
  units: UnitProgress[];
  /** Over all units, before filtering. */
  counts: Record<UnitStatus, number> & { OVERDUE: number; ALL: number };
  /** Units late for a 催办 (lib/district/late-units.ts), before filtering. */
  lateUnits: UnitProgress[];
}

export { currentReportYear };

/**
 * 辖区总览: every unit of a district the caller reviews or administers, with its report for the year —
 * status, last edit, error findings, days left to its deadline. Editors oversee no district (404).
 */
export async function districtOverview(
  ctx: AuthContext,
  input: {
    districtId?: string | null;
    year?: number | null;
    filters?: OverviewFilters;
    now?: Date;
  } = {},
): Promise<DistrictOverview> {
  const now = input.now ?? new Date();
  const { district, districts } = await districtOrThrow(ctx, input.districtId);
  const units = await districtUnits(ctx, district);
  const unitIds = units.map((u) => u.id);
  const year = input.year ?? currentReportYear(now);

  // Plain columns only: joining each report's editor row made Prisma stitch two thousand relations,
  // several times slower than reading the few editors' names once (userNames). The years are grouped
  // by the database: `distinct` would read every report of every year.
  const [reports, yearRows] = await Promise.all([
    db().report.findMany({
      where: { organizationId: { in: unitIds }, year },
      select: {
        id: true,
        organizationId: true,
        year: true,
        status: true,
        formatVersion: true,
        errorCount: true,
        errorCountAt: true,
        updatedAt: true,
        publishedOn: true,
        updatedById: true,
      },
    }),
    db().report.groupBy({ by: ["year"], where: { organizationId: { in: unitIds } } }),
  ]);
  const thisYear = new Map(reports.map((r) => [r.organizationId, r]));
  // Counted once per change and kept on the report: no report's content is read on a repeat view.
  const [errors, names] = await Promise.all([
    reportErrorCounts(reports),
    userNames(reports.map((r) => r.updatedById)),
  ]);

  const all: UnitProgress[] = units.map((organization) => {
    const report = thisYear.get(organization.id);
    const deadline = reportDeadline(year, organization.level);
    const publishedOn = report?.publishedOn ? report.publishedOn.toISOString().slice(0, 10) : null;
    return {
      organization,
      isDistrict: organization.id === district.id,
      status: report?.status ?? "MISSING",
      report: report
        ? {
            id: report.id,
            formatVersion: report.formatVersion,
            updatedAt: report.updatedAt,
            updatedBy: (report.updatedById && names.get(report.updatedById)) ?? null,
            errors: errors.get(report.id) ?? null,
            publishedOn,
          }
        : null,
      deadline,
      deadlineState: deadlineState({ status: report?.status ?? null, publishedOn }, deadline, now),
    };
  });

  const counts = {
    ALL: all.length,
    OVERDUE: 0,
    ...Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])),
  } as DistrictOverview["counts"];
  for (const u of all) {
    counts[u.status]++;
    if (u.deadlineState.tone === "overdue") counts.OVERDUE++;
  }
  const { status, level } = input.filters ?? {};
  const shown = all.filter(
    (u) =>
      (!status ||
        (status === "OVERDUE" ? u.deadlineState.tone === "overdue" : u.status === status)) &&
      (!level || u.organization.level === level),
  );
  const years = [...new Set([...yearRows.map((r) => r.year), currentReportYear(now), year])].sort(
    (a, b) => b - a,
  );
  return {
    district,
    districts,
    year,
    years,
    units: shown,
    counts,
    lateUnits: all.filter(isLateUnit),
  };
}
