import { z } from "zod";
import { recordExport } from "@/lib/audit/record-export";
import { requireAuthContext } from "@/lib/auth/context";
import { clientIp } from "@/lib/http/client-ip";
import { errorResponse } from "@/lib/http/responses";
import { exportReport } from "@/lib/reports/export-report";

export const dynamic = "force-dynamic";

const Query = z.object({ format: z.enum(["docx", "html"], { message: "format 只能是 docx 或 html。" }) });

/** 下载 DOCX / 下载 HTML: `?format=docx|html`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { format } = Query.parse({ format: new URL(request.url).searchParams.get("format") ?? "docx" });
    const ctx = await requireAuthContext();
    const file = await exportReport(ctx, (await params).id, format);
    await recordExport(ctx, file.report, format, clientIp(request.headers));
    return new Response(file.body as BodyInit, {
      headers: {
        "content-type": file.mime,
        "content-disposition": `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
