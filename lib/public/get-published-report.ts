import { db } from "@/lib/db/client";
import { parseReportContent, type ReportContent } from "@/lib/report/content";
import { publicationVersions, type PublicationVersion } from "./publication-versions";

export interface PublishedReport {
  organization: { name: string; fullName: string; slug: string };
  year: number;
  /** The version shown: the current publication, or a superseded one asked for by number. */
  shown: PublicationVersion;
  /** Superseded by a correction: the current publication is `current`. */
  superseded: boolean;
  current: PublicationVersion;
  /** Earlier publications a correction replaced, newest first. */
  earlier: PublicationVersion[];
  content: ReportContent;
}

/**
 * A published report, for the public page `/gk/<org>/<year>`: its current publication, or (with
 * `version`) one a correction superseded. Only what was published is read — the report while PUBLISHED
 * and its PUBLISHED snapshots; a draft, a submitted or an approved report that was never published is
 * not found, exactly like a year with no report, and so is a version number that names no publication.
 */
export async function getPublishedReport(
  slug: string,
  year: number,
  version?: number | null,
): Promise<PublishedReport | null> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const report = await db().report.findFirst({
    where: {
      year,
      organization: { slug },
      OR: [{ status: "PUBLISHED" }, { snapshots: { some: { status: "PUBLISHED" } } }],
    },
    select: {
      id: true,
      status: true,
      version: true,
      publishedOn: true,
      organization: { select: { name: true, fullName: true, slug: true } },
      snapshots: {
        where: { status: "PUBLISHED" },
        select: { number: true, reportVersion: true, publishedOn: true, note: true },
      },
    },
  });
  if (!report) return null;
  const versions = publicationVersions(report, report.snapshots);
  if (!versions) return null;
  const { current, superseded: earlier } = versions;
  const asked = version ?? null;
  const shown =
    asked === null || asked === current.number
      ? current
      : earlier.find((v) => v.number === asked);
  if (!shown) return null;
  // The current publication of a PUBLISHED report is the report itself; any other is its snapshot.
  const stored =
    shown === current && report.status === "PUBLISHED"
      ? await db().report.findUnique({ where: { id: report.id }, select: { content: true } })
      : await db().reportSnapshot.findUnique({
          where: { reportId_number: { reportId: report.id, number: shown.number! } },
          select: { content: true },
        });
  const parsed = parseReportContent(stored?.content);
  if (!parsed.success) return null;
  return {
    organization: report.organization,
    year,
    shown,
    superseded: shown !== current,
    current,
    earlier,
    content: parsed.data,
  };
}
