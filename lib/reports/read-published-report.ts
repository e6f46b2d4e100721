import { importDocx, importHtml, importText, type ImportResult } from "@/lib/import";
import { decodeText } from "@/lib/import/import-file";
import { HttpError } from "@/lib/http/responses";

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A published report uploaded (DOCX, HTML, text) or pasted, read into the structured form with its findings. */
export async function readPublishedReport(input: { fileName: string; bytes: Uint8Array } | { text: string }): Promise<ImportResult> {
  if ("text" in input) {
    if (!input.text.trim()) throw new HttpError(400, "请粘贴报告的文字。");
    return importText(input.text);
  }
  const name = input.fileName.toLowerCase();
  if (name.endsWith(".docx")) return importDocx(input.bytes, { fileName: input.fileName });
  if (name.endsWith(".html") || name.endsWith(".htm")) return importHtml(decodeText(input.bytes), { fileName: input.fileName });
  if (name.endsWith(".txt")) return importText(decodeText(input.bytes), { fileName: input.fileName });
  if (name.endsWith(".doc")) throw new HttpError(400, "暂不支持旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后上传。");
  throw new HttpError(400, "只能导入 .docx、.html 或 .txt 文件。");
}
