import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportEditor } from "@/components/editor/report-editor";
import { ReportView } from "@/components/report/report-view";
import { requirePageContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/auth/errors";
import { STATUS_LABEL } from "@/lib/orgs/labels";
import { parseReportContent } from "@/lib/report/content";
import { canEditReport } from "@/lib/reports/editable";
import { getReportOrThrow } from "@/lib/reports/get-report-or-throw";
import { previousReportContent } from "@/lib/reports/previous-report";

export const metadata: Metadata = { title: "年度报告" };

function ReportActions({ reportId, editable }: { reportId: string; editable: boolean }) {
  const button = "rounded border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50";
  return (
    <div className="flex flex-wrap gap-2" aria-label="报告操作">
      {editable ? <Link href={`/reports/${reportId}/import`} className={button}>从已发布报告导入</Link> : null}
      <Link href={`/reports/${reportId}/preview`} className={button}>预览</Link>
      <a href={`/api/reports/${reportId}/export?format=docx`} className={button}>下载 DOCX</a>
      <a href={`/api/reports/${reportId}/export?format=html`} className={button}>下载 HTML</a>
      <Link href={`/reports/${reportId}/preview`} className={button}>打印 / 存为 PDF</Link>
    </div>
  );
}

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  let report;
  try {
    report = await getReportOrThrow(ctx, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const parsed = parseReportContent(report.content);
  const editable = canEditReport(ctx, report);
  const previous = editable ? await previousReportContent(report.organizationId, report.year) : null;
  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-500">
        <Link href="/reports" className="text-blue-700 hover:underline">年度报告</Link> / {report.organization.name} / {report.year}年度
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-xl font-semibold">{report.organization.name} {report.year}年度报告</h1>
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{STATUS_LABEL[report.status]}</span>
          <span className="text-xs text-slate-500">{report.formatVersion === "2021" ? "2021 年版格式" : "2019 年版格式"}</span>
        </div>
        <ReportActions reportId={report.id} editable={editable} />
      </div>
      {!parsed.success ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-700">报告内容无法读取，请联系管理员。</p>
      ) : editable ? (
        <ReportEditor reportId={report.id} version={report.version} content={parsed.data} previous={previous} />
      ) : (
        <ReportView content={parsed.data} />
      )}
    </div>
  );
}
