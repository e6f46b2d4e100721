import type { Metadata } from "next";
import Link from "next/link";
import { ReportEditor } from "@/components/editor/report-editor";
import { ReportView } from "@/components/report/report-view";
import { CorrectionForm } from "@/components/review/correction-form";
import { PublishForm } from "@/components/review/publish-form";
import { ResubmissionBanner } from "@/components/review/resubmission-banner";
import { ReviewPanel } from "@/components/review/review-panel";
import { WithdrawButton } from "@/components/review/withdraw-button";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { formatDateTime } from "@/lib/format-date";
import { STATUS_LABEL } from "@/lib/orgs/labels";
import { chineseDateOf } from "@/lib/report/chinese-date";
import { getReportPageModel } from "@/lib/reports/get-report-page-model";

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
  const model = await orNotFound(getReportPageModel(ctx, id));
  const { report, content, editable, reviewing, returned, openComments, withdrawable } = model;
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
          <span className="text-xs text-slate-500">{model.formatLabel}</span>
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
          {model.reviewRefusal ?? ""}
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
      {model.correctable ? <CorrectionForm reportId={report.id} version={report.version} /> : null}
      {model.changes ? <ResubmissionBanner reportId={report.id} changes={model.changes} /> : null}
      {model.publication ? (
        <PublishForm
          reportId={report.id}
          version={report.version}
          defaultUrl={model.publication.defaultUrl}
          today={model.publication.today}
          correction={model.publication.correction}
        />
      ) : null}
      {!content ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-700">
          报告内容无法读取，请联系管理员。
        </p>
      ) : editable ? (
        <ReportEditor
          reportId={report.id}
          version={report.version}
          content={content}
          previous={model.previous}
          reviewComments={openComments}
        />
      ) : reviewing ? (
        <ReviewPanel
          reportId={report.id}
          version={report.version}
          content={content}
          comments={model.comments}
          findings={model.findings}
        />
      ) : (
        <ReportView content={content} comments={openComments} />
      )}
    </div>
  );
}
