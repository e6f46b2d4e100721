import { z } from "zod";
import { recordPastReport } from "@/lib/district/record-past-report";
import { ZIP_LIMITS } from "@/lib/import/batch/zip-limits";
import { route } from "@/lib/http/route";
import { recordId } from "@/lib/http/schemas";

export const dynamic = "force-dynamic";

const Input = z.object({
  file: z.custom<File>((v) => v instanceof Blob && "name" in v, "请上传文件。"),
  organizationId: recordId("单位"),
  district: z.string().max(64).optional(),
});

/** 批量检查 → 登记: the file, read again, becomes the unit's published report of its year (if it has none); audited. */
export const POST = route(
  { input: Input, body: "multipart", maxBytes: ZIP_LIMITS.entryBytes + 64 * 1024 },
  async ({ ctx, ip, input: { file, organizationId, district } }) =>
    recordPastReport(
      ctx,
      {
        districtId: district || null,
        organizationId,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      },
      { ip },
    ),
);
