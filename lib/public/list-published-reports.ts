import { db } from "@/lib/db/client";
import type { OrgLevel } from "@/lib/db/generated/enums";

export interface PublishedColumn {
  organization: { name: string; fullName: string; slug: string; level: OrgLevel };
  /** Newest first. */
  reports: { year: number; publishedOn: string | null }[];
  /** Units below with published reports of their own (their 年报专栏). */
  units: { name: string; slug: string }[];
}

/**
 * 年报专栏 for the public, no sign-in: the years an organisation has PUBLISHED reports for. Nothing
 * in any other status is read. Null — a 404 — for an unknown organisation, and for one with nothing
 * published, itself or below: the public learns nothing of units that have published nothing.
 */
export async function listPublishedReports(slug: string): Promise<PublishedColumn | null> {
  const organization = await db().organization.findUnique({
    where: { slug },
    select: {
      name: true, fullName: true, slug: true, level: true,
      reports: { where: { status: "PUBLISHED" }, orderBy: { year: "desc" }, select: { year: true, publishedOn: true } },
      children: {
        where: { reports: { some: { status: "PUBLISHED" } } },
        orderBy: { name: "asc" },
        select: { name: true, slug: true },
      },
    },
  });
  if (!organization || (!organization.reports.length && !organization.children.length)) return null;
  const { reports, children, ...org } = organization;
  return {
    organization: org,
    reports: reports.map((r) => ({ year: r.year, publishedOn: r.publishedOn ? r.publishedOn.toISOString().slice(0, 10) : null })),
    units: children,
  };
}
