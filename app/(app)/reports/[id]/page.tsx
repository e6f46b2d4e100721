import type { Metadata } from "next";
import Link from "next/link";
import { ReportEditor } from "@/components/editor/report-editor";
import { ReportView } from "@/components/report/report-view";
import { CorrectionForm } from "@/components/review/correction-form";
import { PublishForm } from "@/components/review/publish-form";
import { ResubmissionBanner } from "@/components/review/resubmission-banner";
import { ReviewPanel } from "@/components/review/review-panel";
import { WithdrawButton } from "@/components/review/withdraw-button";
import { db } from "@/lib/db/client";
import { markReportNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format-date";
import { STATUS_LABEL } from "@/lib/orgs/labels";
import { chineseDateOf } from "@/lib/report/chinese-date";
import { parseReportContent } from "@/lib/report/content";
import { chinaDate } from "@/lib/report/deadline";
import { validate } from "@/lib/report/validate";
import { canEditReport } from "@/lib/reports/editable";
import { getReportOrThrow } from "@/lib/reports/get-report-or-throw";
import { latestReturn } from "@/lib/reports/latest-return";
import { listReviewComments } from "@/lib/reports/list-review-comments";
import { previousReportContent } from "@/lib/reports/previous-report";
import { publishedBefore } from "@/lib/reports/publish-report";
import { resubmissionChanges } from "@/lib/reports/resubmission-changes";
import { reviewRefusal } from "@/lib/reports/review-access";
import { reviewStarted } from "@/lib/reports/withdraw-report";

export const metadata: Metadata = { title: "年度报告" };

function ReportActions({ reportId, editable }: { reportId: string; editable: boolean }) {
  const button =
    "rounded border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50";
  return (
    <div className="flex flex-wrap gap-2" aria-label="报告操作">
      {editable ? (
        <Link href={`/reports/${reportId}/import`} className={button}>
          从已发布报告导入
        </Link>
      ) : null}
      <a href={`/api/reports/${reportId}/export?format=xlsx`} className={button}>
        下载 Excel 模板
      </a>
      {editable ? (
        <Link href={`/reports/${reportId}/import#excel`} className={button}>
          从 Excel 导入
        </Link>
      ) : null}
      <Link href={`/reports/${reportId}/preview`} className={button}>
        预览
      </Link>
      <a href={`/api/reports/${reportId}/export?format=docx`} className={button}>
        下载 DOCX
      </a>
      <a href={`/api/reports/${reportId}/export?format=html`} className={button}>
        下载 HTML
      </a>
      <Link href={`/reports/${reportId}/preview`} className={button}>
        打印 / 存为 PDF
      </Link>
      <Link href={`/reports/${reportId}/history`} className={button}>
        历史记录
      </Link>
    </div>
  );
}

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const report = await orNotFound(getReportOrThrow(ctx, id));
  const parsed = parseReportContent(report.content);
  const editable = canEditReport(ctx, report);
  const previous = editable
    ? await previousReportContent(report.organizationId, report.year)
    : null;
  const [comments, returned, refusal] = await Promise.all([
    listReviewComments(ctx, report),
    latestReturn(report),
    report.status === "SUBMITTED" && can(ctx.access, "report.review", report.organizationId)
      ? reviewRefusal(ctx, report)
      : "not a reviewer",
  ]);
  const reviewing = report.status === "SUBMITTED" && refusal === null;
  // Review data: the submission gate's findings and what a resubmission changed.
  const [findings, changes] =
    reviewing && parsed.success
      ? await Promise.all([
          previousReportContent(report.organizationId, report.year).then((last) =>
            validate(parsed.data, { previous: last, complete: true }),
          ),
          resubmissionChanges(ctx, report),
        ])
      : [[], null];
  const withdrawable =
    report.status === "SUBMITTED" &&
    can(ctx.access, "report.edit", report.organizationId) &&
    !(await reviewStarted(db(), report.id));
  const correction = report.status === "APPROVED" && (await publishedBefore(db(), report.id));
  await markReportNotificationsRead(ctx, report.id);
  const openComments = comments.filter((c) => c.state === "open");
  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-500">
        <Link href="/reports" className="text-blue-700 hover:underline">
          年度报告
        </Link>{" "}
        / {report.organization.name} / {report.year}年度
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-xl font-semibold">
            {report.organization.name} {report.year}年度报告
          </h1>
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
            {STATUS_LABEL[report.status]}
          </span>
          <span className="text-xs text-slate-500">
            {report.formatVersion === "2021" ? "2021 年版格式" : "2019 年版格式"}
          </span>
        </div>
        <ReportActions reportId={report.id} editable={editable} />
      </div>
      {returned ? (
        <div
          role="note"
          aria-label="退回说明"
          className="rounded border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950"
        >
          {returned.actor ?? "审核员"}于 {formatDateTime(returned.at)} 退回了报告
          {openComments.length ? `，提出 ${openComments.length} 条意见（已标在相应位置）` : ""}。
          {returned.comment ? (
            <p className="mt-1 whitespace-pre-wrap">总体意见：{returned.comment}</p>
          ) : null}
        </div>
      ) : null}
      {report.status === "SUBMITTED" && !reviewing ? (
        <p
          role="status"
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          报告已提交审核，等待审核员审核；审核期间不能修改。
          {refusal && refusal !== "not a reviewer" ? refusal : ""}
          {withdrawable ? (
            <span className="ml-2">
              审核员尚未开始审核，如需修改可以
              <WithdrawButton reportId={report.id} version={report.version} />
            </span>
          ) : null}
        </p>
      ) : null}
      {report.status === "APPROVED" ? (
        <p
          role="status"
          className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          报告已通过审核，内容不能再修改。
        </p>
      ) : null}
      {report.status === "PUBLISHED" ? (
        <p
          role="status"
          className="rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900"
        >
          报告已发布{report.publishedOn ? `（${chineseDateOf(report.publishedOn)}）` : ""}
          {report.publishedUrl ? (
            <>
              ：
              <a
                href={report.publishedUrl}
                rel="noopener noreferrer"
                target="_blank"
                className="break-all text-blue-700 underline"
              >
                {report.publishedUrl}
              </a>
            </>
          ) : (
            "。"
          )}
        </p>
      ) : null}
      {report.status === "PUBLISHED" && can(ctx.access, "report.correct", report.organizationId) ? (
        <CorrectionForm reportId={report.id} version={report.version} />
      ) : null}
      {changes ? <ResubmissionBanner reportId={report.id} changes={changes} /> : null}
      {parsed.success &&
      report.status === "APPROVED" &&
      can(ctx.access, "report.publish", report.organizationId) ? (
        <PublishForm
          reportId={report.id}
          version={report.version}
          defaultUrl={
            report.publishedUrl ??
            (parsed.data.meta.portalUrl && /^https?:\/\//.test(parsed.data.meta.portalUrl)
              ? parsed.data.meta.portalUrl
              : "")
          }
          today={chinaDate(new Date())}
          correction={correction}
        />
      ) : null}
      {!parsed.success ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-700">
          报告内容无法读取，请联系管理员。
        </p>
      ) : editable ? (
        <ReportEditor
          reportId={report.id}
          version={report.version}
          content={parsed.data}
          previous={previous}
          reviewComments={openComments}
        />
      ) : reviewing ? (
        <ReviewPanel
          reportId={report.id}
          version={report.version}
          content={parsed.data}
          comments={comments}
          findings={findings}
        />
      ) : (
        <ReportView content={parsed.data} comments={openComments} />
      )}
    </div>
  );
}
