import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { ConflictError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { formatIdForYear } from "@/lib/report/formats";
import { carryForward } from "@/lib/report/carry-forward";
import { InvalidStateError } from "./errors";
import { draftOffers } from "@/lib/report/draft-offers";
import { isPeoplesGovernment } from "@/lib/orgs/labels";
import { previousReportContent } from "./previous-report";
import { newReportContent } from "./new-report-content";

/** The organisation already has a report for that year (409). */
export class DraftExistsError extends ConflictError {}

/**
 * Create the draft for `year` — the due year or a missing past one (never a future year; by default the
 * newest year offered) — empty, or 以上年报告为基础 (`basedOnPrevious`: carried-over requests and contact
 * details from last year's report, which must be approved or published).
 */
export async function createNextDraft(
  ctx: AuthContext,
  organizationId: string,
  options: { basedOnPrevious?: boolean; year?: number; today?: Date } = {},
): Promise<{ id: string; year: number }> {
  if (!ctx.access.roles.has(organizationId)) throw new NotFoundError();
  if (!can(ctx.access, "report.edit", organizationId))
    throw new ForbiddenError("只有本单位的填报员或管理员可以新建年度报告。");
  const org = await db().organization.findUniqueOrThrow({
    where: { id: organizationId },
    include: { reports: { select: { year: true, status: true } } },
  });
  const offers = draftOffers(
    org.reports,
    isPeoplesGovernment(org.level),
    options.today ?? new Date(),
  );
  const offer =
    options.year === undefined ? offers[0] : offers.find((o) => o.year === options.year);
  if (!offer) {
    if (options.year !== undefined && org.reports.some((r) => r.year === options.year))
      throw new DraftExistsError(`${org.name}${options.year}年度报告已存在。`);
    throw new InvalidStateError(
      options.year === undefined
        ? `${org.name}没有可以新建的年度报告。`
        : `不能新建${options.year}年度报告：只能新建应报年度或以前缺少的年度。`,
    );
  }
  const year = offer.year;
  let content = newReportContent(org, year);
  if (options.basedOnPrevious) {
    if (!offer.base)
      throw new InvalidStateError(`${year - 1}年度报告尚未审核通过或发布，不能以上年报告为基础。`);
    const previous = await previousReportContent(organizationId, year);
    if (!previous) throw new InvalidStateError(`没有${year - 1}年度报告，不能以上年报告为基础。`);
    content = carryForward(previous, content);
  }
  try {
    const report = await db().report.create({
      data: {
        organizationId,
        year,
        formatVersion: formatIdForYear(year),
        content: content as unknown as Prisma.InputJsonValue,
        createdById: ctx.user.userId,
        updatedById: ctx.user.userId,
        // The first content is the creator's writing too (its carried-forward text included).
        edits: { create: { actorId: ctx.user.userId, reportVersion: 1, targets: ["*"] } },
      },
      select: { id: true, year: true },
    });
    return report;
  } catch (error) {
    // Two clicks (or two people) at once: the unique (organisation, year) index lets only one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DraftExistsError(`${org.name}${year}年度报告已存在。`);
    }
    throw error;
  }
}
