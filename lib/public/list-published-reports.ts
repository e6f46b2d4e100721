import { db } from "@/lib/db/client";
import type { OrgLevel } from "@/lib/db/generated/enums";
import { publicationVersions } from "./publication-versions";

export interface PublishedColumn {
  organization: { name: string; fullName: string; slug: string; level: OrgLevel };
  /** Newest first; `corrected` when a correction replaced an earlier publication. */
  reports: { year: number; publishedOn: string | null; corrected: boolean }[];
  /** Units below with published reports of their own (their 年报专栏). */
  units: { name: string; slug: string }[];
}

/** Ever published: PUBLISHED now, or reopened for a correction with its publication still public. */
const EVER_PUBLISHED = {
  OR: [
    { status: "PUBLISHED" as const },
    { snapshots: { some: { status: "PUBLISHED" as const } } },
  ],
};

/**
 * 年报专栏 for the public, no sign-in: the years an organisation has published reports for. Nothing
 * unpublished is read. Null — a 404 — for an unknown organisation, and for one with nothing
 * published, itself or below: the public learns nothing of units that have published nothing.
 */
export async function listPublishedReports(slug: string): Promise<PublishedColumn | null> {
  const organization = await db().organization.findUnique({
    where: { slug },
    select: {
      name: true,
      fullName: true,
      slug: true,
      level: true,
      reports: {
        where: EVER_PUBLISHED,
        orderBy: { year: "desc" },
        select: {
          year: true,
          status: true,
          version: true,
          publishedOn: true,
          snapshots: {
            where: { status: "PUBLISHED" },
            select: { number: true, reportVersion: true, publishedOn: true, note: true },
          },
        },
      },
      children: {
        where: { reports: { some: EVER_PUBLISHED } },
        orderBy: { name: "asc" },
        select: { name: true, slug: true },
      },
    },
  });
  if (!organization || (!organization.reports.length && !organization.children.length))
    return null;
  const { reports, children, ...org } = organization;
  return {
    organization: org,
    reports: reports.flatMap((r) => {
      const versions = publicationVersions(r, r.snapshots);
      return versions
        ? [
            {
              year: r.year,
              publishedOn: versions.current.publishedOn,
              corrected: versions.superseded.length > 0,
            },
          ]
        : [];
    }),
    units: children,
  };
}
