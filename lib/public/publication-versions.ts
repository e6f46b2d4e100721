import type { ReportStatus } from "@/lib/db/generated/enums";

/** One publication of a report as the public read it. */
export interface PublicationVersion {
  /** The PUBLISHED snapshot's number; null for a publication from before such snapshots were kept. */
  number: number | null;
  publishedOn: string | null;
  /** The 更正说明 it was published with (null for a first publication). */
  note: string | null;
}

export interface PublicationSnapshot {
  number: number;
  reportVersion: number;
  publishedOn: Date | null;
  note: string | null;
}

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Which publication the public page shows, and which earlier ones a correction superseded. While a
 * published report is reopened for a correction (no longer PUBLISHED), its last publication stays the
 * current one; once the correction is published, that one is superseded. Null: never published.
 */
export function publicationVersions(
  report: { status: ReportStatus; version: number; publishedOn: Date | null },
  snapshots: PublicationSnapshot[],
): { current: PublicationVersion; superseded: PublicationVersion[] } | null {
  const sorted = [...snapshots].sort((a, b) => a.number - b.number);
  const view = (s: PublicationSnapshot): PublicationVersion => ({
    number: s.number,
    publishedOn: isoDay(s.publishedOn),
    note: s.note,
  });
  if (report.status === "PUBLISHED") {
    const own = sorted.find((s) => s.reportVersion === report.version);
    const current = own
      ? view(own)
      : { number: null, publishedOn: isoDay(report.publishedOn), note: null };
    return { current, superseded: sorted.filter((s) => s !== own).map(view).reverse() };
  }
  const last = sorted.at(-1);
  if (!last) return null;
  return { current: view(last), superseded: sorted.slice(0, -1).map(view).reverse() };
}
