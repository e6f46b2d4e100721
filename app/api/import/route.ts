import { z } from "zod";
import { route } from "@/lib/http/route";
import {
  IMPORT_MAX_BYTES,
  previousForDraft,
  readPublishedReport,
} from "@/lib/reports/read-published-report";

export const dynamic = "force-dynamic";

const upload = z.custom<File>((v) => v instanceof Blob && "name" in v, "请上传文件。");
const Input = z.object({
  file: upload.optional(),
  text: z.string().optional(),
  /** The draft the file is read for: its unit's report of the year before is then used as last year's. */
  reportId: z.string().optional(),
});

/** 从已发布报告导入, step one: read an uploaded file (multipart `file`) or pasted text (`text`) — nothing is saved. */
export const POST = route(
  { input: Input, body: "multipart", maxBytes: IMPORT_MAX_BYTES },
  async ({ ctx, input: { file, text, reportId } }) => {
    const source =
      file && file.size > 0
        ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : { text: text ?? "" };
    const previous = reportId ? await previousForDraft(ctx, reportId) : null;
    const { format, year, organization, content, findings, cellsRead } = await readPublishedReport(
      ctx,
      source,
      { previous },
    );
    return { format, year, organization, content, findings, cellsRead };
  },
);
