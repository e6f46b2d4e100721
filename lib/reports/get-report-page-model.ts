import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { markReportNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { parseReportContent } from "@/lib/report/content";
import { chinaDate } from "@/lib/report/deadline";
import { getFormat, isFormatId } from "@/lib/report/formats";
import { validate } from "@/lib/report/validate";
import { canEditReport } from "./editable";
import { getReportOrThrow } from "./get-report-or-throw";
import { latestReturn } from "./latest-return";
import { listReviewComments } from "./list-review-comments";
import { previousReportContent } from "./previous-report";
import { publishedBefore } from "./publish-report";
import { resubmissionChanges } from "./resubmission-changes";
import { reviewRefusal } from "./review-access";
import { reviewStarted } from "./withdraw-report";

/**
 * Everything the report page shows for this person: the report, what they may do with it (edit,
 * review, withdraw, publish, correct) and the data each of those needs. The page only lays it out.
 * Opening the report marks its notifications read.
 */
export async function getReportPageModel(ctx: AuthContext, reportId: string) {
  const report = await getReportOrThrow(ctx, reportId);
  const parsed = parseReportContent(report.content);
  const content = parsed.success ? parsed.data : null;
  const editable = canEditReport(ctx, report);
  const reviewer =
    report.status === "SUBMITTED" && can(ctx.access, "report.review", report.organizationId);
  const [comments, returned, refusal, previous] = await Promise.all([
    listReviewComments(ctx, report),
    latestReturn(report),
    reviewer ? reviewRefusal(ctx, report) : null,
    editable || reviewer ? previousReportContent(report.organizationId, report.year) : null,
  ]);
  const reviewing = reviewer && refusal === null;
  // What the reviewer is shown: the submission gate's findings and what a resubmission changed.
  const [findings, changes] =
    reviewing && content
      ? await Promise.all([
          validate(content, { previous, complete: true }),
          resubmissionChanges(ctx, report),
        ])
      : [[], null];
  const withdrawable =
    report.status === "SUBMITTED" &&
    can(ctx.access, "report.edit", report.organizationId) &&
    !(await reviewStarted(db(), report.id));
  const publishable =
    content !== null &&
    report.status === "APPROVED" &&
    can(ctx.access, "report.publish", report.organizationId);
  const correction = report.status === "APPROVED" && (await publishedBefore(db(), report.id));
  await markReportNotificationsRead(ctx, report.id);
  return {
    report,
    content,
    formatLabel: isFormatId(report.formatVersion) ? getFormat(report.formatVersion).label : "",
    editable,
    previous: editable ? previous : null,
    comments,
    openComments: comments.filter((c) => c.state === "open"),
    returned,
    reviewing,
    /** Why this reviewer may not review a submitted report (their own submission, separation of duties). */
    reviewRefusal: reviewer ? refusal : null,
    findings,
    changes,
    withdrawable,
    correctable:
      report.status === "PUBLISHED" && can(ctx.access, "report.correct", report.organizationId),
    publication: publishable
      ? {
          defaultUrl:
            report.publishedUrl ??
            (content.meta.portalUrl && /^https?:\/\//.test(content.meta.portalUrl)
              ? content.meta.portalUrl
              : ""),
          today: chinaDate(new Date()),
          correction,
        }
      : null,
  };
}

export type ReportPageModel = Awaited<ReturnType<typeof getReportPageModel>>;
