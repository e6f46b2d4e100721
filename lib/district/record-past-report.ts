import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { parseReportContent } from "@/lib/report/content";
import { currentReportYear } from "@/lib/report/deadline";
import { readPublishedReport } from "@/lib/reports/read-published-report";
import { districtOrThrow, districtUnits } from "./district-scope";

export interface RecordPastReportInput {
  districtId?: string | null;
  /** The unit the report is recorded for: one of the district's units. */
  organizationId: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * 批量检查 → 登记: a published report file becomes its unit's PUBLISHED report of the year it states,
 * as the seed stores the samples — only when the unit has no report of that year, never over one. The
 * file is read again here (what the browser showed is not trusted), and the record is audited in the
 * same transaction.
 */
export async function recordPastReport(
  ctx: AuthContext,
  input: RecordPastReportInput,
  options: { ip?: string | null } = {},
): Promise<{ reportId: string; organization: string; year: number }> {
  const { district } = await districtOrThrow(ctx, input.districtId);
  const unit = (await districtUnits(ctx, district)).find((u) => u.id === input.organizationId);
  if (!unit) throw new NotFoundError("未找到该单位，或您无权管理。");
  if (!can(ctx.access, "report.publish", unit.id))
    throw new ForbiddenError("只有审核员或管理员可以登记已发布的报告。");
  const imported = await readPublishedReport(ctx, { fileName: input.fileName, bytes: input.bytes });
  const year = imported.year;
  if (year === null) throw new ValidationError(`${input.fileName}：读不出报告的年度，不能登记。`);
  if (year > currentReportYear())
    throw new ValidationError(`${input.fileName}：${year}年度尚未结束，不能登记为已发布的报告。`);
  const parsed = parseReportContent(imported.content);
  if (!parsed.success) throw new ValidationError(`${input.fileName}：读取的内容不完整，不能登记。`);
  const duplicate = () => new ConflictError(`${unit.name}已有${year}年度报告，不能再登记。`);
  try {
    return await db().$transaction(async (tx) => {
      const exists = await tx.report.findUnique({
        where: { organizationId_year: { organizationId: unit.id, year } },
        select: { id: true },
      });
      if (exists) throw duplicate();
      const report = await tx.report.create({
        data: {
          organizationId: unit.id,
          year,
          formatVersion: imported.format,
          status: "PUBLISHED",
          content: parsed.data as unknown as Prisma.InputJsonValue,
          createdById: ctx.user.userId,
          updatedById: ctx.user.userId,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        action: "REPORT_PAST_RECORDED",
        actorId: ctx.user.userId,
        actorAccount: ctx.user.account,
        organizationId: unit.id,
        reportId: report.id,
        ip: options.ip,
        detail: {
          file: input.fileName,
          year,
          format: imported.format,
          cellsRead: imported.cellsRead,
          errors: imported.findings.filter((f) => f.severity === "error").length,
        },
      });
      return { reportId: report.id, organization: unit.name, year };
    });
  } catch (error) {
    // Two reviewers recording the same unit's year at once: the unique (organisation, year) index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw duplicate();
    throw error;
  }
}
