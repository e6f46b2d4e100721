import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { REPORT_CSS, renderHtmlFragment } from "@/lib/export";
import { getReportWithContentOrThrow } from "@/lib/reports/get-report-or-throw";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "预览" };

/** The report as it will be published (the exported HTML, every user string escaped by the renderer). */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const { report, content } = await orNotFound(getReportWithContentOrThrow(ctx, id));
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between print:hidden">
        <Link href={`/reports/${report.id}`} className="text-sm text-blue-700 hover:underline">← 返回报告</Link>
        <div className="flex gap-2">
          <a href={`/api/reports/${report.id}/export?format=docx`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">下载 DOCX</a>
          <a href={`/api/reports/${report.id}/export?format=html`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">下载 HTML</a>
          <PrintButton />
        </div>
      </div>
      <style>{REPORT_CSS}{`@media print { header, nav { display: none !important; } main { padding: 0 !important; max-width: none !important; } }`}</style>
      <div className="mx-auto max-w-[210mm] bg-white p-[20mm] shadow print:p-0 print:shadow-none" dangerouslySetInnerHTML={{ __html: renderHtmlFragment(content) }} />
    </div>
  );
}
