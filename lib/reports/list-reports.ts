import type { AuthContext } from "@/lib/auth/context";
import { visibleOrganizationIds } from "@/lib/auth/access";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { dueReportYear } from "@/lib/report/deadline";
import { draftOffers, type DraftOffer } from "@/lib/report/draft-offers";
import { isPeoplesGovernment } from "@/lib/orgs/labels";
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
  const orgs = await db().organization.findMany({
    where: { id: { in: visibleOrganizationIds(ctx.access) } },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    include: {
      reports: {
        orderBy: { year: "desc" },
        select: {
          id: true,
          year: true,
          formatVersion: true,
          status: true,
          updatedAt: true,
          version: true,
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
      dueYear: dueReportYear(today, isPeoplesGovernment(org.level)),
      offers: draftOffers(org.reports, isPeoplesGovernment(org.level), today),
      reports: org.reports.map((r) => ({
        id: r.id,
        year: r.year,
        formatVersion: r.formatVersion,
        status: r.status,
        updatedAt: r.updatedAt,
        updatedBy: r.updatedBy?.displayName ?? null,
        untouched: r.status === "DRAFT" && r.version === 1,
      })),
    }));
}
