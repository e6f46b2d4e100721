import type { AuthContext } from "@/lib/auth/context";
import { visibleOrganizationIds } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { dueReportYear } from "@/lib/report/deadline";
import { draftOffers, type DraftOffer } from "@/lib/report/draft-offers";
import { isPeoplesGovernment } from "@/lib/orgs/labels";
import { userNames } from "@/lib/users/user-names";
import type { OrgLevel, ReportStatus } from "@/lib/db/generated/enums";

export type { DraftOffer };

export interface ReportRow {
  id: string;
  year: number;
  formatVersion: string;
  status: ReportStatus;
  updatedAt: Date;
  updatedBy: string | null;
  /** A draft nobody has written in yet (its first version): it can be deleted. */
  untouched: boolean;
}

export interface OrganizationReports {
  id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  canCreate: boolean;
  /** The year whose report is due next (China time, by this organisation's deadline). */
  dueYear: number;
  /** Years a new draft can be made for (the due year, missing past years), newest first. */
  offers: DraftOffer[];
  reports: ReportRow[];
}

/** Every organisation the caller can see, with its reports, newest year first. */
export async function listReports(
  ctx: AuthContext,
  today = new Date(),
): Promise<OrganizationReports[]> {
  // Two flat queries and the few editors' names, grouped here: including each organisation's reports
  // with their editor made Prisma stitch twelve thousand relations for a city's reviewer.
  const visible = visibleOrganizationIds(ctx.access);
  const [orgs, reports] = await Promise.all([
    db().organization.findMany({
      where: { id: { in: visible } },
      orderBy: [{ level: "asc" }, { name: "asc" }],
      select: { id: true, name: true, level: true, parentId: true },
    }),
    db().report.findMany({
      where: { organizationId: { in: visible } },
      orderBy: { year: "desc" },
      select: {
        id: true,
        organizationId: true,
        year: true,
        formatVersion: true,
        status: true,
        updatedAt: true,
        version: true,
        updatedById: true,
      },
    }),
  ]);
  const names = await userNames(reports.map((r) => r.updatedById));
  const reportsOf = new Map<string, typeof reports>();
  for (const r of reports) {
    const list = reportsOf.get(r.organizationId);
    if (list) list.push(r);
    else reportsOf.set(r.organizationId, [r]);
  }
  // Districts first, then their units, in a stable order.
  return orgs
    .sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null))
    .map((org) => {
      const own = reportsOf.get(org.id) ?? [];
      return {
        id: org.id,
        name: org.name,
        level: org.level,
        parentId: org.parentId,
        canCreate: can(ctx.access, "report.edit", org.id),
        dueYear: dueReportYear(today, isPeoplesGovernment(org.level)),
        offers: draftOffers(own, isPeoplesGovernment(org.level), today),
        reports: own.map((r) => ({
          id: r.id,
          year: r.year,
          formatVersion: r.formatVersion,
          status: r.status,
          updatedAt: r.updatedAt,
          updatedBy: (r.updatedById && names.get(r.updatedById)) ?? null,
          untouched: r.status === "DRAFT" && r.version === 1,
        })),
      };
    });
}
