import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError, InputError } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { InvalidStateError } from "./errors";
import { getReportOrThrow } from "./get-report-or-throw";
import { LIFECYCLE, startsFrom } from "./lifecycle";
import { claimTransition, takeSnapshot } from "./transition";

export interface PublishReportInput {
  version: number;
  /** Where the report is published (http or https). */
  url: string;
  /** The day it was published, yyyy-mm-dd. */
  date: string;
  /** 更正说明: required when the report was published before (this publication corrects it). */
  note?: string | null;
}

export const CORRECTION_NOTE_MAX = 2000;

/** The publication URL as it will be stored, or why not. */
export function checkPublicationUrl(raw: string): string {
  const value = raw.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError("发布网址无效，请填写完整网址（以 http:// 或 https:// 开头）。");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new InputError("发布网址须以 http:// 或 https:// 开头。");
  if (value.length > 2000) throw new InputError("发布网址过长。");
  return url.toString();
}

/** The publication day: a real date, not before the report's year ended, not in the future. */
export function checkPublicationDate(raw: string, reportYear: number, today = new Date()): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : null;
  if (!date || date.toISOString().slice(0, 10) !== raw.trim())
    throw new InputError("发布日期无效，请按“年-月-日”填写。");
  if (date.getUTCFullYear() <= reportYear)
    throw new InputError(`发布日期应在${reportYear}年度结束之后。`);
  // A day of slack for time zones: China is ahead of UTC.
  if (date.getTime() > today.getTime() + 24 * 60 * 60 * 1000)
    throw new InputError("发布日期不能晚于今天。");
  return date;
}

/** The report was published before: publishing it again is a correction (更正). */
export async function publishedBefore(
  client: Pick<Prisma.TransactionClient, "reportSnapshot">,
  reportId: string,
): Promise<boolean> {
  return (await client.reportSnapshot.count({ where: { reportId, status: "PUBLISHED" } })) > 0;
}

/**
 * 标记为已发布: an approved report, with where and when it was published. Reviewers and admins of the
 * unit or of its district may do it (the district office usually publishes on the portal); editors not.
 * What is published is kept as a PUBLISHED snapshot. A report published before is a correction (更正):
 * it needs a 更正说明, which the public page prints above it, the earlier version staying there as
 * superseded.
 */
export async function publishReport(
  ctx: AuthContext,
  reportId: string,
  input: PublishReportInput,
  options: { ip?: string | null } = {},
): Promise<{ version: number }> {
  const report = await getReportOrThrow(ctx, reportId);
  if (!can(ctx.access, LIFECYCLE.publish.permission, report.organizationId))
    throw new ForbiddenError("只有审核员或管理员可以标记报告为已发布。");
  if (!startsFrom("publish", report.status)) throw new InvalidStateError(LIFECYCLE.publish.refused);
  const url = checkPublicationUrl(input.url);
  const publishedOn = checkPublicationDate(input.date, report.year);
  const note = input.note?.trim() || null;
  if (note && note.length > CORRECTION_NOTE_MAX) throw new InputError("更正说明过长。");
  return db().$transaction(async (tx) => {
    const correction = await publishedBefore(tx, report.id);
    if (correction && !note)
      throw new InputError("这是更正后的再次发布，请填写更正说明（将显示在公开页面上）。");
    const claimed = await claimTransition(tx, {
      report: { ...report, version: input.version },
      to: LIFECYCLE.publish.to,
      actorId: ctx.user.userId,
      comment: `发布网址：${url}；发布日期：${input.date.trim()}${correction ? `；更正说明：${note}` : ""}`,
      data: { publishedUrl: url, publishedOn },
      staleMessage: LIFECYCLE.publish.stale,
    });
    const { content } = await tx.report.findUniqueOrThrow({
      where: { id: report.id },
      select: { content: true },
    });
    const snapshot = await takeSnapshot(tx, {
      reportId: report.id,
      status: "PUBLISHED",
      reportVersion: claimed.version,
      content: content as Prisma.InputJsonValue,
      actorId: ctx.user.userId,
      publication: { url, on: publishedOn, note: correction ? note : null },
    });
    await recordAudit(tx, {
      action: correction ? "REPORT_CORRECTION_PUBLISHED" : "REPORT_PUBLISHED",
      actorId: ctx.user.userId,
      actorAccount: ctx.user.account,
      organizationId: report.organizationId,
      reportId: report.id,
      ip: options.ip,
      detail: {
        from: "APPROVED",
        to: "PUBLISHED",
        url,
        date: input.date.trim(),
        year: report.year,
        snapshot,
        ...(correction ? { note } : {}),
      },
    });
    return { version: claimed.version };
  });
}
