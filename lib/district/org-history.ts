import { visibleOrganizationIds } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { OrgLevel, ReportStatus } from "@/lib/db/generated/enums";
import { parseReportContent } from "@/lib/report/content";
import { FIGURE_GROUPS, keyFigures, type FigureGroup } from "@/lib/report/key-figures";
import { isRecordId } from "@/lib/record-id";

export interface HistoryYear {
  year: number;
  reportId: string;
  status: ReportStatus;
  formatVersion: string;
  /** Key figures by figure key; all null when the content cannot be read. */
  figures: Record<string, number | null>;
}

export interface OrgHistory {
  organization: { id: string; name: string; fullName: string; level: OrgLevel };
  /** Oldest first. */
  years: HistoryYear[];
  groups: FigureGroup[];
}

/**
 * 历年对比: the key figures of every report of one organisation the caller may see — drafts and
 * imported past reports included — year by year. An organisation they cannot see is a 404.
 */
export async function orgHistory(ctx: AuthContext, organizationId: string): Promise<OrgHistory> {
  if (!isRecordId(organizationId)) throw new NotFoundError("未找到该单位，或您无权查看。");
  const organization = await db().organization.findFirst({
    where: { id: organizationId, AND: [{ id: { in: visibleOrganizationIds(ctx.access) } }] },
    select: {
      id: true,
      name: true,
      fullName: true,
      level: true,
      reports: {
        orderBy: { year: "asc" },
        select: { id: true, year: true, status: true, formatVersion: true, content: true },
      },
    },
  });
  if (!organization) throw new NotFoundError("未找到该单位，或您无权查看。");
  const { reports, ...org } = organization;
  const empty = Object.fromEntries(
    FIGURE_GROUPS.flatMap((g) => g.figures.map((f) => [f.key, null])),
  );
  return {
    organization: org,
    years: reports.map((r) => {
      const parsed = parseReportContent(r.content);
      return {
        year: r.year,
        reportId: r.id,
        status: r.status,
        formatVersion: r.formatVersion,
        figures: parsed.success ? keyFigures(parsed.data) : empty,
      };
    }),
    groups: FIGURE_GROUPS,
  };
}
