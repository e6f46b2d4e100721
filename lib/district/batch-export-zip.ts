import { Readable } from "node:stream";
import JSZip from "jszip";
import { recordExport } from "@/lib/audit/record-export";
import type { AuthContext } from "@/lib/auth/context";
import { NotFoundError, PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { exportReport } from "@/lib/reports/export-report";
import { approvedReportsForExport, type ExportableReport } from "./approved-reports-for-export";
import { BATCH_EXPORT_MAX_REPORTS } from "./batch-export-limit";

export interface BatchExportZip {
  zipName: string;
  reports: ExportableReport[];
  /** The ZIP, made as it is read: each report's DOCX is rendered only when its entry is reached. */
  stream: Readable;
}

/**
 * 批量导出: the chosen reports of a district's year that passed review, as one ZIP of their DOCX, in the
 * order asked. Everything that can refuse is decided before the first byte: the district must be one the
 * caller oversees, and every report must be among its units' approved or published reports of that year
 * (the list the caller was shown; any other is a 404). Each report is then read through the report's own scoped lookup,
 * rendered and audited as a download of its own, one at a time, so the server holds one DOCX at once and
 * the ZIP goes out as fast as the person's connection takes it.
 */
export async function batchExportZip(
  ctx: AuthContext,
  input: { districtId?: string | null; year: number; reportIds: string[] },
  ip: string | null,
): Promise<BatchExportZip> {
  const ids = [...new Set(input.reportIds)];
  if (!ids.length) throw new ValidationError("请至少选择一份报告。");
  if (ids.length > BATCH_EXPORT_MAX_REPORTS)
    throw new PayloadTooLargeError(
      `一次最多打包 ${BATCH_EXPORT_MAX_REPORTS} 份报告，本次选择了 ${ids.length} 份。请按区县分别导出。`,
    );
  const list = await approvedReportsForExport(ctx, input);
  const approved = new Map(list.reports.map((r) => [r.id, r]));
  const reports = ids.flatMap((id) => approved.get(id) ?? []);
  if (reports.length < ids.length)
    // Not the caller's, or returned since the list was shown: the same answer, so nothing is revealed.
    throw new NotFoundError(
      `所选报告中有 ${ids.length - reports.length} 份不在${list.district.name}${list.year}年度已通过审核的报告之中（可能刚被退回），请刷新页面后重新导出。`,
    );

  const zip = new JSZip();
  for (const report of reports)
    zip.file(report.fileName, Readable.from(docxOf(ctx, report.id, ip)), { binary: true });
  const generated = zip.generateNodeStream({
    type: "nodebuffer",
    streamFiles: true,
    // A DOCX is itself a deflated ZIP: compressing it again costs time and saves nothing.
    compression: "STORE",
  });
  // jszip's stream is an old-style one: wrapped, it is a Node stream like any other (async iterable,
  // errors passed on) and still only asks jszip for more as it is read.
  return { zipName: list.zipName, reports, stream: new Readable().wrap(generated) };
}

/** One report's DOCX, made when the ZIP reaches it (a generator starts only when first read). */
async function* docxOf(ctx: AuthContext, reportId: string, ip: string | null) {
  const file = await exportReport(ctx, reportId, "docx");
  await recordExport(ctx, file.report, "docx", ip);
  yield Buffer.from(file.body as Uint8Array);
}
