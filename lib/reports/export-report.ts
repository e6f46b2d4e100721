import type { AuthContext } from "@/lib/auth/context";
import { renderDocx, renderHtml } from "@/lib/export";
import { parseReportContent } from "@/lib/report/content";
import { InvalidStateError } from "./errors";
import { getReportOrThrow } from "./get-report-or-throw";

export type ExportFormat = "docx" | "html";

const MIME: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
};

export interface ExportedFile {
  body: Uint8Array | string;
  mime: string;
  fileName: string;
  report: { id: string; organizationId: string; year: number };
}

/** The report as the file users publish. Anyone who may see the report may download it. */
export async function exportReport(ctx: AuthContext, reportId: string, format: ExportFormat): Promise<ExportedFile> {
  const report = await getReportOrThrow(ctx, reportId);
  const parsed = parseReportContent(report.content);
  if (!parsed.success) throw new InvalidStateError("报告内容无法读取，不能导出。");
  const body = format === "docx" ? new Uint8Array(await renderDocx(parsed.data)) : renderHtml(parsed.data);
  return {
    body,
    mime: MIME[format],
    fileName: `${report.organization.fullName}${report.year}年政府信息公开工作年度报告.${format}`,
    report: { id: report.id, organizationId: report.organizationId, year: report.year },
  };
}
