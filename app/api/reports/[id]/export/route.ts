import { z } from "zod";
import { recordExport } from "@/lib/audit/record-export";
import { attachment } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { reportParams } from "@/lib/http/schemas";
import { exportReport } from "@/lib/reports/export-report";

export const dynamic = "force-dynamic";

const Query = z.object({
  format: z
    .enum(["docx", "html", "pdf", "xlsx"], { message: "format 只能是 docx、html、pdf 或 xlsx。" })
    .default("docx"),
});

/**
 * 下载 DOCX / 下载 HTML / 下载 PDF / 下载 Excel 模板: `?format=docx|html|pdf|xlsx` (PDF: 503 while the
 * converters are busy or absent).
 */
export const GET = route(
  { query: Query, params: reportParams },
  async ({ ctx, params, query: { format }, ip }) => {
    const file = await exportReport(ctx, params.id, format);
    await recordExport(ctx, file.report, format, ip);
    return attachment(file.body, file.mime, file.fileName);
  },
);
