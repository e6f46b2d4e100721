import { z } from "zod";
import { checkPublishedReport } from "@/lib/district/check-published-report";
import { ZIP_LIMITS } from "@/lib/import/batch/zip-limits";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const Input = z.object({
  file: z.custom<File>((v) => v instanceof Blob && "name" in v, "请上传文件。"),
  district: z.string().max(64).optional(),
});

/**
 * 批量检查, one file per request (the browser unpacks a ZIP and sends its files one by one, showing
 * 已检查 k / n): the report read, checked and matched to the district's unit. Nothing is stored.
 */
export const POST = route(
  { input: Input, body: "multipart", maxBytes: ZIP_LIMITS.entryBytes + 64 * 1024 },
  async ({ ctx, input: { file, district } }) =>
    checkPublishedReport(ctx, {
      districtId: district || null,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    }),
);
