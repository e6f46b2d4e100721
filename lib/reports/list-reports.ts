import type { AuthContext } from "@/lib/auth/context";
import { visibleOrganizationIds } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { currentReportYear } from "@/lib/report/deadline";
import type { OrgLevel, ReportStatus } from "@/lib/db/generated/enums";

export interface ReportRow {
  id: string;
  year: number;
  formatVersion: string;
  status: ReportStatus;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface OrganizationReports {
  id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  canCreate: boolean;
  nextYear: number;
  /** Last year's report exists, so the next draft can start from it (以上年报告为基础). */
  canCarryForward: boolean;
  reports: ReportRow[];
}

/** Every organisation the caller can see, with its reports, newest year first. */
export async function listReports(ctx: AuthContext, today = new Date()): Promise<OrganizationReports[]> {
  const orgs = await db().organization.findMany({
    where: { id: { in: visibleOrganizationIds(ctx.access) } },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    include: {
      reports: {
        orderBy: { year: "desc" },
        select: {
          id: true, year: true, formatVersion: true, status: true, updatedAt: true,
          updatedBy: { select: { displayName: true } },
        },
      },
    },
  });
  // Districts first, then their units, in a stable order.
  return orgs
    .sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null))
    .map((org) => ({
      id: org.id,
      name: org.name,
      level: org.level,
      parentId: org.parentId,
      canCreate: can(ctx.access, "report.edit", org.id),
      nextYear: nextReportYear(org.reports.map((r) => r.year), today),
      canCarryForward: org.reports.some((r) => r.year === nextReportYear(org.reports.map((x) => x.year), today) - 1),
      reports: org.reports.map((r) => ({
        id: r.id, year: r.year, formatVersion: r.formatVersion, status: r.status, updatedAt: r.updatedAt,
        updatedBy: r.updatedBy?.displayName ?? null,
      })),
    }));
}

/** The year after the newest report; with none, the year being reported now (China time). */
export function nextReportYear(years: number[], today = new Date()): number {
  return years.length ? Math.max(...years) + 1 : currentReportYear(today);
}
