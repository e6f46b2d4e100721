import type { AuthContext } from "@/lib/auth/context";
import { renderDocx, renderHtml } from "@/lib/export";
import { XLSX_MIME } from "@/lib/export/xlsx";
import { renderExcelTemplate } from "@/lib/import/excel/write-template";
import { reportPdf } from "@/lib/pdf/report-pdf";
import { parseReportContent } from "@/lib/report/content";
import { InvalidStateError } from "./errors";
import { getReportOrThrow } from "./get-report-or-throw";

export type ExportFormat = "docx" | "html" | "pdf" | "xlsx";

const MIME: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  xlsx: XLSX_MIME,
};

export interface ExportedFile {
  body: Uint8Array | string;
  mime: string;
  fileName: string;
  report: { id: string; organizationId: string; year: number };
}

/**
 * The report as the file users publish (or, as `xlsx`, its tables as the Excel template). Anyone who may see the report may download it. The PDF is the
 * DOCX as LibreOffice prints it, made in the server's conversion queue (lib/pdf/report-pdf.ts); the same
 * version of the same report asked for again while it is being made shares that one conversion.
 */
export async function exportReport(
  ctx: AuthContext,
  reportId: string,
  format: ExportFormat,
): Promise<ExportedFile> {
  const report = await getReportOrThrow(ctx, reportId);
  const parsed = parseReportContent(report.content);
  if (!parsed.success) throw new InvalidStateError("报告内容无法读取，不能导出。");
  const content = parsed.data;
  // The Excel template: the tables 二–四 with the figures the report holds, for 从 Excel 导入.
  if (format === "xlsx")
    return {
      body: await renderExcelTemplate(content),
      mime: MIME.xlsx,
      fileName: `${report.organization.fullName}${report.year}年度报告表格（Excel 模板）.xlsx`,
      report: { id: report.id, organizationId: report.organizationId, year: report.year },
    };
  const body =
    format === "docx"
      ? new Uint8Array(await renderDocx(content))
      : format === "pdf"
        ? new Uint8Array(
            await reportPdf(
              `${report.id}:${report.version}`,
              async () => new Uint8Array(await renderDocx(content)),
            ),
          )
        : renderHtml(content);
  return {
    body,
    mime: MIME[format],
    fileName: `${report.organization.fullName}${report.year}年政府信息公开工作年度报告.${format}`,
    report: { id: report.id, organizationId: report.organizationId, year: report.year },
  };
}
