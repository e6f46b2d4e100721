import { NextResponse } from "next/server";
import { requireAuthContext } from "@/lib/auth/context";
import { assertSameOrigin, errorResponse, HttpError } from "@/lib/http/responses";
import { IMPORT_MAX_BYTES, readPublishedReport } from "@/lib/reports/read-published-report";

export const dynamic = "force-dynamic";

/** 从已发布报告导入, step one: read an uploaded file (multipart `file`) or pasted text (`text`) — nothing is saved. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    await requireAuthContext();
    if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES) {
      throw new HttpError(413, "文件过大（上限 10 MB）。");
    }
    const form = await request.formData().catch(() => {
      throw new HttpError(400, "请求格式无效，请重新选择文件。");
    });
    const file = form.get("file");
    const text = form.get("text");
    const result =
      file instanceof File && file.size > 0
        ? await readPublishedReport({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
        : await readPublishedReport({ text: typeof text === "string" ? text : "" });
    const { format, year, organization, content, findings, cellsRead } = result;
    return NextResponse.json({ format, year, organization, content, findings, cellsRead });
  } catch (error) {
    return errorResponse(error);
  }
}
