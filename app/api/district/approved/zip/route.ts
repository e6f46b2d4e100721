import { Readable } from "node:stream";
import { z } from "zod";
import { BATCH_EXPORT_MAX_REPORTS } from "@/lib/district/batch-export-limit";
import { batchExportZip } from "@/lib/district/batch-export-zip";
import { attachment } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { recordId } from "@/lib/http/schemas";

export const dynamic = "force-dynamic";

const Input = z.object({
  districtId: recordId("辖区").nullish(),
  year: z.number().int("年度无效。").min(2000, "年度无效。").max(2100, "年度无效。"),
  reportIds: z
    .array(recordId("报告"))
    .min(1, "请至少选择一份报告。")
    .max(
      BATCH_EXPORT_MAX_REPORTS,
      `一次最多打包 ${BATCH_EXPORT_MAX_REPORTS} 份报告。请按区县分别导出。`,
    ),
});

/**
 * 批量导出, step two: the reports chosen from the list of step one, as one ZIP streamed while it is made.
 * A POST because the choice (up to 500 ids) does not fit in a URL.
 */
export const POST = route({ input: Input, maxBytes: 32 * 1024 }, async ({ ctx, input, ip }) => {
  const zip = await batchExportZip(ctx, input, ip);
  const body = Readable.toWeb(zip.stream) as ReadableStream<Uint8Array>;
  return attachment(body, "application/zip", zip.zipName);
});
