import type { Metadata } from "next";
import Link from "next/link";
import { CopyToPortalButton } from "@/components/report/copy-to-portal-button";
import { DownloadPdfButton } from "@/components/report/download-pdf-button";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import {
  PAGE_CSS,
  REPORT_CSS,
  buildPublication,
  publicationText,
  renderHtmlFragment,
  renderPortalFragment,
} from "@/lib/export";
import { pdfConversionAvailable } from "@/lib/pdf/report-pdf";
import { getReportWithContentOrThrow } from "@/lib/reports/get-report-or-throw";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "预览" };

const BUTTON = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";

/** The report as it will be published (the exported HTML, every user string escaped by the renderer). */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const { report, content } = await orNotFound(getReportWithContentOrThrow(ctx, id));
  const publication = buildPublication(content);
  const fileName = `${report.organization.fullName}${report.year}年政府信息公开工作年度报告.pdf`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href={`/reports/${report.id}`} className="text-sm text-blue-700 hover:underline">
          ← 返回报告
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/api/reports/${report.id}/export?format=docx`} className={BUTTON}>
            下载 DOCX
          </a>
          <a href={`/api/reports/${report.id}/export?format=html`} className={BUTTON}>
            下载 HTML
          </a>
          {pdfConversionAvailable() ? (
            <DownloadPdfButton reportId={report.id} fileName={fileName} />
          ) : null}
          <CopyToPortalButton
            html={renderPortalFragment(content, publication)}
            text={publicationText(publication)}
          />
          <PrintButton />
        </div>
      </div>
      {pdfConversionAvailable() ? null : (
        <p className="text-xs text-slate-600 print:hidden">
          本服务器未安装 LibreOffice，不能直接下载 PDF：请点击“打印 / 存为
          PDF”，在打印对话框的“目标打印机”中选择“另存为 PDF”。
        </p>
      )}
      {publication.blankCells.length ? (
        <details className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden">
          <summary>
            发布稿中有 {publication.blankCells.length} 个单元格留空（报告没有这些数字）
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {publication.blankCells.map((f) => (
              <li key={f.cells[0]}>{f.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <style>
        {PAGE_CSS}
        {REPORT_CSS}
        {`@media print { header, nav { display: none !important; } main { padding: 0 !important; max-width: none !important; } }`}
      </style>
      <div
        className="mx-auto max-w-[210mm] bg-white p-[20mm] shadow print:p-0 print:shadow-none"
        dangerouslySetInnerHTML={{ __html: renderHtmlFragment(content, publication) }}
      />
    </div>
  );
}
